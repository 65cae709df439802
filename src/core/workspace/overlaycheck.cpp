// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/overlaycheck.h"

#include "manifest/kustomization.h"
#include "manifest/manifestcheck.h"
#include "manifest/yamltext.h"
#include "manifest/yamlcheck.h"
#include "workspace/renderscope.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;

namespace gd::ws {
namespace {

// The translatable sentences of this file, in the "gd::ws::OverlayCheck" context (lupdate reads the macro).
struct OverlayCheckText {
    Q_DECLARE_TR_FUNCTIONS(gd::ws::OverlayCheck)
};

const QString kustomizationFile = u"kustomization.yaml"_s;

manifest::Diagnostic warningAt(int line, const QString &message)
{
    return manifest::Diagnostic{manifest::Diagnostic::Severity::Warning, line, 1, message};
}

manifest::Diagnostic errorAt(int line, const QString &message)
{
    return manifest::Diagnostic{manifest::Diagnostic::Severity::Error, line, 1, message};
}

void collectImages(const YAML::Node &node, QSet<QString> &images)
{
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == "image" && it->second.IsScalar())
                images.insert(QString::fromStdString(it->second.Scalar()));
            else
                collectImages(it->second, images);
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node &child : node)
            collectImages(child, images);
    }
}

/// The container images of a rendered stream (every `image:` value below a pod template).
QSet<QString> renderedImages(const QByteArray &rendered)
{
    QSet<QString> images;
    try {
        for (const YAML::Node &doc : manifest::yamltext::loadAll(rendered))
            collectImages(doc, images);
    } catch (const YAML::Exception &) {
        // kustomize output always parses; an odd stream just yields no image checks.
    }
    return images;
}

/// The repository part of an image reference: "reg:5000/app:1.2@sha256:…" → "reg:5000/app".
QString imageRepository(QString image)
{
    const qsizetype at = image.indexOf(u'@');
    if (at >= 0)
        image.truncate(at);
    const qsizetype slash = image.lastIndexOf(u'/');
    const qsizetype colon = image.lastIndexOf(u':');
    if (colon > slash)
        image.truncate(colon);
    return image;
}

void checkImagesMatch(const QString &file, const manifest::Kustomization &kustomization,
                      const QSet<QString> &rendered, std::vector<Finding> &findings)
{
    QSet<QString> repositories;
    for (const QString &image : rendered)
        repositories.insert(imageRepository(image));
    for (const manifest::KustomizeImage &entry : kustomization.images()) {
        const QString expected = imageRepository(entry.newName.isEmpty() ? entry.name : entry.newName);
        if (!repositories.contains(expected)) {
            findings.push_back({file, warningAt(entry.line,
                                                OverlayCheckText::tr("The images entry \"%1\" matches no container in the rendered "
                                                   "manifests; kustomize ignores it.")
                                                    .arg(entry.name))});
        }
    }
}

} // namespace

bool ValidationReport::hasErrors() const
{
    return errorCount() > 0;
}

int ValidationReport::errorCount() const
{
    return int(std::count_if(findings.begin(), findings.end(),
                             [](const Finding &f) { return f.diagnostic.isError(); }));
}

int ValidationReport::warningCount() const
{
    return int(findings.size()) - errorCount();
}

manifest::ManifestRole roleInServiceEnv(const QString &file, const manifest::Kustomization *sibling)
{
    const QFileInfo info(file);
    if (info.path() == u"."_s && info.fileName().startsWith(u"application"_s))
        return manifest::ManifestRole::ArgoApplication;
    return manifest::roleOf(info.fileName(), sibling);
}

namespace {

ValidationReport validateCopy(const QString &dir, const manifest::KustomizeRunner &runner)
{
    ValidationReport report;
    const QDir root(dir);
    QStringList yamlFiles;
    QDirIterator it(dir, {u"*.yaml"_s, u"*.yml"_s, u"Kustomization"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        yamlFiles.append(root.relativeFilePath(it.next()));
    yamlFiles.sort();

    // kustomize would only repeat unreadable files and YAML errors, less clearly; schema findings do not stop the
    // build, whose own error may say more.
    bool buildable = true;
    // Read everything first: what a file is checked as depends on the kustomization beside it.
    std::vector<std::pair<QString, QByteArray>> texts;
    for (const QString &file : yamlFiles) {
        QFile f(root.absoluteFilePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            report.findings.push_back({file, errorAt(0, OverlayCheckText::tr("The file could not be read."))});
            buildable = false;
            continue;
        }
        texts.emplace_back(file, f.readAll());
    }

    std::vector<std::pair<QString, manifest::Kustomization>> kustomizations;
    QHash<QString, qsizetype> kustomizationOfFolder;   // folder relative to `dir` -> index in kustomizations
    for (const auto &[file, text] : texts) {
        if (manifest::roleOf(file, nullptr) != manifest::ManifestRole::Kustomization)
            continue;
        auto parsed = manifest::Kustomization::parse(text);
        if (!parsed.ok() || manifest::hasErrors(parsed->warnings())) {
            buildable = false;
            if (!parsed.ok())
                continue;
        }
        kustomizationOfFolder.insert(QFileInfo(file).path(), qsizetype(kustomizations.size()));
        kustomizations.emplace_back(file, std::move(*parsed));
    }

    for (const auto &[file, text] : texts) {
        const QString folder = QFileInfo(file).path();
        const qsizetype k = kustomizationOfFolder.value(folder, -1);
        const manifest::ManifestRole role = roleInServiceEnv(file, k >= 0 ? &kustomizations[size_t(k)].second : nullptr);
        const QDir fileFolder(root.absoluteFilePath(folder));
        const manifest::Diagnostics diagnostics = manifest::checkManifest(
            text, role, [&](const QString &relative) { return QFileInfo::exists(fileFolder.filePath(relative)); });
        for (const manifest::Diagnostic &d : diagnostics)
            report.findings.push_back({file, d});
        if (buildable && manifest::hasErrors(diagnostics) && manifest::hasErrors(manifest::checkYaml(text)))
            buildable = false;
    }

    const QString manifests = root.absoluteFilePath(u"manifests"_s);
    if (!QFileInfo::exists(QDir(manifests).absoluteFilePath(kustomizationFile))) {
        report.findings.push_back({u"manifests/kustomization.yaml"_s,
                                   errorAt(0, OverlayCheckText::tr("The top kustomization is missing."))});
        return report;
    }
    if (!buildable)
        return report;

    auto built = runner.build(manifests);
    if (!built.ok()) {
        report.findings.push_back({u"manifests/kustomization.yaml"_s, errorAt(0, built.error().fullText())});
        return report;
    }
    report.rendered = *built;
    const QSet<QString> images = renderedImages(report.rendered);
    for (const auto &[file, kustomization] : kustomizations)
        checkImagesMatch(file, kustomization, images, report.findings);
    return report;
}

RenderPolicy policyOf(const manifest::KustomizeRunner &runner)
{
    RenderPolicy policy;
    policy.allowRemoteResources = runner.options().allowRemoteResources;
    return policy;
}

/// Stages `folder` of `files` into a temporary folder and returns what `work` makes of the staging.
template<typename Work>
auto inStagedFolder(const RenderFiles &files, const QString &folder, const manifest::KustomizeRunner &runner,
                    Work &&work) -> decltype(work(std::declval<const StagedRender &>()))
{
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return makeError(Error::Code::Io, OverlayCheckText::tr("A temporary folder could not be created."),
                         scratch.errorString());
    auto staged = stageFolder(files, folder, scratch.path(), policyOf(runner));
    if (!staged.ok())
        return staged.error();
    return work(*staged);
}

} // namespace

ValidationReport validateStaged(const StagedRender &staged, const manifest::KustomizeRunner &runner)
{
    if (staged.refused()) {
        ValidationReport report;
        report.findings = staged.findings;
        return report;
    }
    ValidationReport report = validateCopy(staged.folder, runner);
    const QString scratchPrefix = staged.root + u'/';
    for (Finding &finding : report.findings)
        finding.diagnostic.message.replace(scratchPrefix, QString());
    report.findings.insert(report.findings.begin(), staged.findings.begin(), staged.findings.end());
    return report;
}

ValidationReport validateDirectory(const QString &dir, const manifest::KustomizeRunner &runner)
{
    const QString folder = QFileInfo(dir).absoluteFilePath();
    QString root = repositoryRootOf(folder);
    if (root.isEmpty())
        root = folder;
    const QString relative = QDir(root).relativeFilePath(folder);
    auto report = inStagedFolder(RenderFiles::fromDisk(root), relative == u"."_s ? QString() : relative, runner,
                                 [&](const StagedRender &staged) -> Result<ValidationReport> {
                                     return validateStaged(staged, runner);
                                 });
    if (report.ok())
        return std::move(*report);
    ValidationReport failed;
    failed.findings.push_back({u"."_s, errorAt(0, report.error().fullText())});
    return failed;
}

Result<ValidationReport> validateServiceEnv(const git::Repository &repo, const git::ObjectId &commit,
                                            const QString &service, const QString &env,
                                            const manifest::KustomizeRunner &runner, const git::FileChanges &changes)
{
    return inStagedFolder(RenderFiles::fromCommit(repo, commit).withChanges(changes),
                          ServiceEnvPaths::folder(service, env), runner,
                          [&](const StagedRender &staged) -> Result<ValidationReport> {
                              return validateStaged(staged, runner);
                          });
}

Result<QByteArray> renderServiceEnv(const git::Repository &repo, const git::ObjectId &commit, const QString &service,
                                    const QString &env, const manifest::KustomizeRunner &runner,
                                    const git::FileChanges &changes)
{
    const QString folder = ServiceEnvPaths::folder(service, env);
    return inStagedFolder(RenderFiles::fromCommit(repo, commit).withChanges(changes), folder, runner,
                          [&](const StagedRender &staged) -> Result<QByteArray> {
                              if (staged.refused()) {
                                  return makeError(Error::Code::InvalidInput,
                                                   OverlayCheckText::tr("The overlay of %1 in %2 was not rendered: "
                                                                        "%3")
                                                       .arg(service, env, staged.firstError(folder)));
                              }
                              auto built = runner.build(staged.folder + u"/manifests"_s);
                              if (!built.ok()) {
                                  Error error = built.error();
                                  error.message.replace(staged.root + u'/', QString());
                                  error.detail.replace(staged.root + u'/', QString());
                                  return error;
                              }
                              return built;
                          });
}

QString firstError(const std::vector<Finding> &findings, const QString &folder)
{
    for (const Finding &finding : findings) {
        if (finding.diagnostic.isError()) {
            return QDir::cleanPath(folder + u'/' + finding.file) + u':' + QString::number(finding.diagnostic.line)
                   + u": "_s + finding.diagnostic.message;
        }
    }
    return {};
}

} // namespace gd::ws
