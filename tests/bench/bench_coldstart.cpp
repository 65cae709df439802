// SPDX-License-Identifier: GPL-3.0-or-later
// bench_coldstart: time from process start to the first painted main window (DESIGN.md §5: ≤ 600 ms).
// The benchmark starts itself again as a child for each run (offscreen), so every run is a real cold start of
// the process: the parent's clock runs from QProcess::start() until the child reports its first paint; the child
// also reports the time from main() and, with a workspace, until the workspace is shown.
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "workspace/demoworkspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int runs = 9;

/// Notes the first paint event of any widget of `window`.
class FirstPaint : public QObject {
public:
    FirstPaint(QWidget *window, const QElapsedTimer &clock) : m_window(window), m_clock(clock) {}
    qint64 elapsed = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (elapsed < 0 && event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget *>(watched)->window() == m_window)
            elapsed = m_clock.elapsed();
        return false;
    }

private:
    QWidget *m_window;
    const QElapsedTimer &m_clock;
};

int runChild(int argc, char *argv[], const QElapsedTimer &clock)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);   // never reopen the user's own last workspace
    QApplication::setOrganizationName(u"GitOpsDeskBench"_s);
    QApplication::setApplicationName(u"bench_coldstart"_s);
    gd::ui::applyLanguage(gd::ui::storedLanguage());
    const QStringList args = QCoreApplication::arguments();
    const qsizetype workspaceArg = args.indexOf(u"--workspace"_s);

    gd::ui::MainWindow window;
    FirstPaint painted(&window, clock);
    app.installEventFilter(&painted);
    qint64 loaded = -1;
    if (workspaceArg > 0) {
        QObject::connect(&window, &gd::ui::MainWindow::workspaceLoaded, &app, [&] {
            loaded = clock.elapsed();
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
        });
        QObject::connect(&window, &gd::ui::MainWindow::workspaceFailed, &app, &QCoreApplication::quit);
        window.openWorkspace(args.at(workspaceArg + 1));
    }
    window.show();
    // Report once the first paint is through; without a workspace there is nothing more to wait for.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (painted.elapsed >= 0) {
            std::printf("painted %lld\n", static_cast<long long>(painted.elapsed));
            std::fflush(stdout);
            poll.stop();
            if (workspaceArg < 0)
                QCoreApplication::quit();
        }
    });
    poll.start(0);
    QTimer::singleShot(30000, &app, &QCoreApplication::quit);
    app.exec();
    if (loaded >= 0)
        std::printf("loaded %lld\n", static_cast<long long>(loaded));
    return painted.elapsed >= 0 ? 0 : 1;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

struct Figures {
    std::vector<double> processToPaint;
    std::vector<double> mainToPaint;
    std::vector<double> mainToLoaded;
};

bool runOnce(const QString &program, const QStringList &extra, Figures &figures)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);   // the child's Qt warnings only on failure
    QElapsedTimer wall;
    wall.start();
    child.start(program, QStringList{u"--child"_s} + extra);
    qint64 seenPaint = -1;
    QByteArray output;
    while (child.state() != QProcess::NotRunning || child.bytesAvailable() > 0) {
        child.waitForReadyRead(100);
        output += child.readAll();
        if (seenPaint < 0 && output.contains("painted "))
            seenPaint = wall.elapsed();
        if (child.state() == QProcess::NotRunning && child.bytesAvailable() == 0)
            break;
    }
    child.waitForFinished(30000);
    if (seenPaint < 0) {
        std::fprintf(stderr, "child did not paint: %s\n%s\n", output.constData(),
                     child.readAllStandardError().constData());
        return false;
    }
    figures.processToPaint.push_back(double(seenPaint));
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("painted "))
            figures.mainToPaint.push_back(line.mid(8).toDouble());
        else if (line.startsWith("loaded "))
            figures.mainToLoaded.push_back(line.mid(7).toDouble());
    }
    return true;
}

void print(const char *what, const std::vector<double> &values)
{
    if (values.empty())
        return;
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    std::printf("  %-44s median %6.0f ms   (min %.0f, max %.0f, %zu runs)\n", what, median(values), *low, *high,
                values.size());
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--child") == 0)
            return runChild(argc, argv, clock);
    }

    QCoreApplication app(argc, argv);
    const QString program = QCoreApplication::applicationFilePath();

    std::printf("Cold start to the first painted main window (offscreen), target <= 600 ms\n");
    Figures empty;
    for (int i = 0; i < runs; ++i) {
        if (!runOnce(program, {}, empty))
            return 1;
    }
    std::printf("No workspace (welcome page):\n");
    print("process start -> first paint", empty.processToPaint);
    print("main() -> first paint", empty.mainToPaint);

    QTemporaryDir dir;
    gd::ws::DemoOptions options;
    options.directory = dir.filePath(u"demo"_s);
    auto workspace = gd::ws::createDemoWorkspace(options);
    if (!workspace.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().fullText()));
        return 1;
    }
    Figures demo;
    for (int i = 0; i < runs; ++i) {
        const QString cache = dir.filePath(u"cache-%1"_s.arg(i));   // a cold repo cache each run
        qputenv("GITOPS_DESK_CACHE_DIR", QFile::encodeName(cache));
        if (!runOnce(program, {u"--workspace"_s, *workspace}, demo))
            return 1;
    }
    std::printf("With --workspace (demo: %d projects x %d services, cold repo cache):\n", options.projects,
                options.services);
    print("process start -> first paint", demo.processToPaint);
    print("main() -> first paint", demo.mainToPaint);
    print("main() -> workspace shown (clone + read)", demo.mainToLoaded);
    return 0;
}
