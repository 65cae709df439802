// SPDX-License-Identifier: GPL-3.0-or-later
// The replay-and-mutate driver for a fuzz target when the build has no libFuzzer (GCC): it runs every file of the
// corpus folders given on the command line, then mutates them at random (bit flips, YAML tokens inserted, ranges
// deleted or repeated, splices of two entries) for GD_FUZZ_SECONDS seconds (default 20), or GD_FUZZ_RUNS inputs when
// that comes first, from the seed GD_FUZZ_SEED (default 11, printed), within GD_FUZZ_MEMORY_MB of memory (default 2048, like libFuzzer's -rss_limit_mb). A crash
// or a broken property aborts; the input that caused it is first written to fuzz-failure-<target>.bin in the working
// folder, and the seed and step are printed so the run can be repeated.
// There is no coverage feedback here: that is what the libFuzzer build (-DGD_FUZZ=ON, preset "fuzz") is for.
#include "fuzztarget.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

QByteArray g_current;                 // the input being run, for the signal handler
std::array<char, 4096> g_failurePath{};
std::array<char, 128> g_step{};       // "seed S step N" of the input being run

void writeAll(int fd, const char *text, size_t length)
{
    while (length > 0) {
        const ssize_t written = ::write(fd, text, length);
        if (written <= 0)
            return;
        text += written;
        length -= size_t(written);
    }
}

void writeText(int fd, const char *text)
{
    size_t length = 0;
    while (text[length] != '\0')
        ++length;
    writeAll(fd, text, length);
}

// Async-signal-safe: saves the input, says where it is, and dies of the same signal.
void onFatalSignal(int signal)
{
    const int fd = ::open(g_failurePath.data(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        writeAll(fd, g_current.constData(), size_t(g_current.size()));
        ::close(fd);
    }
    writeText(2, "\nfuzz driver: the target failed on ");
    writeText(2, g_step.data());
    writeText(2, "; the input is in ");
    writeText(2, g_failurePath.data());
    writeText(2, "\n");
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void installHandlers()
{
    static std::vector<char> alternateStack(size_t(1) << 16);   // so a stack overflow still reaches the handler
    stack_t stack{};
    stack.ss_sp = alternateStack.data();
    stack.ss_size = alternateStack.size();
    sigaltstack(&stack, nullptr);
    struct sigaction action{};
    action.sa_handler = onFatalSignal;
    action.sa_flags = SA_ONSTACK;
    for (const int signal : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
        sigaction(signal, &action, nullptr);
}

void run(const QByteArray &input, const QByteArray &step)
{
    g_current = input;
    const QByteArray label = step.left(int(g_step.size()) - 1);
    std::copy(label.begin(), label.end(), g_step.begin());
    g_step[size_t(label.size())] = '\0';
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
}

/// Tokens that change how YAML, the templates and the workspace read.
const std::array<QByteArray, 34> &tokens()
{
    static const std::array<QByteArray, 34> list{
        ": ", "${", "}", "$${", "'", "\"", "\n  ", "\n- ", "&a ", "*a", "---\n", "...\n", "#", " #", "{", "}",
        "[", "]", ", ", "|\n", ">-\n", "\t", "\r\n", "\xEF\xBB\xBF", "\xC3\xA9", "\xFF", "!!str ", "? ", "<<: *a",
        "images:\n- name: app\n  newTag: ", "newTag: ", "branch: ", "${NAME:int}", "\\"};
    return list;
}

QByteArray mutate(const QByteArray &seed, const std::vector<QByteArray> &corpus, QRandomGenerator &random,
                  qsizetype maxLength)
{
    QByteArray out = seed;
    const int rounds = 1 + int(random.bounded(4));
    for (int round = 0; round < rounds; ++round) {
        const qsizetype at = out.isEmpty() ? 0 : qsizetype(random.bounded(quint32(out.size() + 1)));
        switch (random.bounded(7)) {
        case 0:   // flip a bit
            if (!out.isEmpty()) {
                const qsizetype i = qMin(at, out.size() - 1);
                out[i] = char(out[i] ^ char(1 << random.bounded(8)));
            }
            break;
        case 1:   // set a byte
            if (!out.isEmpty())
                out[qMin(at, out.size() - 1)] = char(random.bounded(256));
            break;
        case 2:
        case 3:   // insert a token
            out.insert(at, tokens()[random.bounded(quint32(tokens().size()))]);
            break;
        case 4:   // delete a range
            out.remove(at, qsizetype(random.bounded(1 + quint32(qMin<qsizetype>(64, out.size() - at)))));
            break;
        case 5: {   // repeat a range
            const qsizetype length = qsizetype(random.bounded(1 + quint32(qMin<qsizetype>(32, out.size() - at))));
            out.insert(at, out.mid(at, length));
            break;
        }
        default: {   // splice: our head, another entry's tail
            const QByteArray &other = corpus[random.bounded(quint32(corpus.size()))];
            const qsizetype from = other.isEmpty() ? 0 : qsizetype(random.bounded(quint32(other.size())));
            out = out.left(at) + other.mid(from);
            break;
        }
        }
    }
    return out.left(maxLength);
}

} // namespace

int main(int argc, char **argv)
{
    const QString target = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName();
    const QByteArray failure = QDir::current().absoluteFilePath(QStringLiteral("fuzz-failure-%1.bin").arg(target)).toLocal8Bit();
    std::copy(failure.begin(), failure.begin() + qMin<qsizetype>(failure.size(), g_failurePath.size() - 1),
              g_failurePath.begin());
    installHandlers();
    // Like libFuzzer's -rss_limit_mb: an input that makes the target eat memory fails here, not on the machine.
    bool ok = false;
    const int memoryMb = qEnvironmentVariableIntValue("GD_FUZZ_MEMORY_MB", &ok);
    const rlimit memory{rlim_t(ok ? memoryMb : 2048) << 20, rlim_t(ok ? memoryMb : 2048) << 20};
    setrlimit(RLIMIT_AS, &memory);

    std::vector<QByteArray> corpus;
    for (int i = 1; i < argc; ++i) {
        QDirIterator it(QString::fromLocal8Bit(argv[i]), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.fileName().endsWith(QLatin1String(".md")) || !file.open(QIODevice::ReadOnly))
                continue;
            corpus.push_back(file.readAll());
            run(corpus.back(), "corpus file " + file.fileName().toLocal8Bit());
        }
    }
    if (corpus.empty()) {
        std::fprintf(stderr, "%s: no corpus files in the folders given; pass tests/data/fuzz/<target>\n",
                     qPrintable(target));
        return 2;
    }

    const int seconds = qEnvironmentVariableIntValue("GD_FUZZ_SECONDS", &ok);
    const qint64 budgetMs = (ok ? seconds : 20) * qint64(1000);
    const int seedValue = qEnvironmentVariableIntValue("GD_FUZZ_SEED", &ok);
    const quint32 seed = ok ? quint32(seedValue) : 11u;
    // A run of at most GD_FUZZ_RUNS inputs is the same prefix of one sequence on every machine: CI's verdict does
    // not depend on how fast the machine is.
    const int runsValue = qEnvironmentVariableIntValue("GD_FUZZ_RUNS", &ok);
    const qint64 maxRuns = ok && runsValue > 0 ? runsValue : std::numeric_limits<qint64>::max();
    QRandomGenerator random(seed);
    QElapsedTimer timer;
    timer.start();
    qint64 steps = 0;
    while (timer.elapsed() < budgetMs && steps < maxRuns) {
        const QByteArray &base = corpus[random.bounded(quint32(corpus.size()))];
        run(mutate(base, corpus, random, 65536), "seed " + QByteArray::number(seed) + " step "
                                                     + QByteArray::number(steps));
        ++steps;
    }
    const double elapsed = double(qMax<qint64>(1, timer.elapsed())) / 1000.0;
    std::printf("%s: %zu corpus files replayed, then %lld mutated inputs in %.1f s (%.0f/s) from seed %u; "
                "no crash and no property violated\n",
                qPrintable(target), corpus.size(), static_cast<long long>(steps), elapsed, double(steps) / elapsed,
                seed);
    return 0;
}
