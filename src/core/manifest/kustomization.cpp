// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifest/kustomization.h"

#include "manifest/kustomizedoc.h"
#include "manifest/yamltext.h"

#include <yaml-cpp/yaml.h>

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace gd::manifest {

namespace detail {

std::string scalarOf(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return {};
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second.IsScalar() ? it->second.Scalar() : std::string();
    }
    return {};
}

int kustomizationDocument(const std::vector<YAML::Node> &documents)
{
    int firstMap = -1;
    for (size_t i = 0; i < documents.size(); ++i) {
        const YAML::Node &doc = documents[i];
        if (!doc.IsMap())
            continue;
        if (firstMap < 0)
            firstMap = int(i);
        const std::string apiVersion = scalarOf(doc, "apiVersion");
        const std::string kind = scalarOf(doc, "kind");
        if (apiVersion.rfind("kustomize.config.k8s.io/", 0) == 0 || kind == "Kustomization" || kind == "Component")
            return int(i);
    }
    return firstMap;
}

Error yamlError(const QByteArray &text, const YAML::Exception &e)
{
    int line = 0;
    int column = 0;
    yamltext::lineAndColumn(text, yamltext::problemMark(text, e.msg, e.mark), &line, &column);
    return makeError(Error::Code::Yaml,
                     QCoreApplication::translate("gd::manifest", "The file is not valid YAML at line %1, column %2: %3")
                         .arg(line)
                         .arg(column)
                         .arg(yamltext::problemSentence(e.msg)),
                     QString::fromStdString(e.what()));
}

} // namespace detail

namespace {

QString str(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

class Reader {
public:
    Reader(const QByteArray &text, Diagnostics &out) : m_text(text), m_out(out) {}

    void add(Diagnostic::Severity severity, const YAML::Mark &mark, const QString &message)
    {
        Diagnostic d;
        d.severity = severity;
        yamltext::lineAndColumn(m_text, mark, &d.line, &d.column);
        d.message = message;
        m_out.push_back(std::move(d));
    }

    // The scalar items of a list field; a null value (only commented-out entries) is an empty list.
    QStringList stringList(const YAML::Node &key, const YAML::Node &value)
    {
        QStringList out;
        if (value.IsNull())
            return out;
        if (!value.IsSequence()) {
            add(Diagnostic::Severity::Error, key.Mark(),
                QCoreApplication::translate("gd::manifest", "\"%1\" must be a list.").arg(str(key)));
            return out;
        }
        for (const YAML::Node &item : value) {
            if (item.IsScalar())
                out.append(str(item));
            else
                add(Diagnostic::Severity::Error, item.Mark(),
                    QCoreApplication::translate("gd::manifest", "Each entry of \"%1\" must be a path or URL.")
                        .arg(str(key)));
        }
        return out;
    }

    void deprecated(const YAML::Node &key, const QString &replacement)
    {
        add(Diagnostic::Severity::Warning, key.Mark(),
            QCoreApplication::translate("gd::manifest", "\"%1\" is deprecated; use \"%2\" instead.")
                .arg(str(key), replacement));
    }

    KustomizeImage image(const YAML::Node &entry)
    {
        KustomizeImage image;
        int line = 0;
        int column = 0;
        yamltext::lineAndColumn(m_text, entry.Mark(), &line, &column);
        image.line = line;
        bool hasName = false;
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            const std::string k = key.IsScalar() ? key.Scalar() : std::string();
            if (k == "name") {
                image.name = str(value);
                hasName = !image.name.isEmpty();
            } else if (k == "newName") {
                image.newName = str(value);
            } else if (k == "newTag") {
                image.newTag = str(value);
                if (value.IsScalar() && value.Tag() == "?" && yamltext::needsQuoting(image.newTag))
                    add(Diagnostic::Severity::Error, value.Mark(),
                        QCoreApplication::translate("gd::manifest",
                                                    "The tag %1 is not read as text by kustomize, which rejects "
                                                    "it; write it quoted: \"%1\".")
                            .arg(image.newTag));
            } else if (k == "digest") {
                image.digest = str(value);
            } else if (k == "tagSuffix") {
                continue;
            } else if (k == "newDigest") {
                add(Diagnostic::Severity::Error, key.Mark(),
                    QCoreApplication::translate("gd::manifest",
                                                "kustomize does not know the images field \"newDigest\"; the field "
                                                "is called \"digest\"."));
            } else {
                add(Diagnostic::Severity::Error, key.Mark(),
                    QCoreApplication::translate("gd::manifest",
                                                "kustomize does not know the images field \"%1\"; the fields are "
                                                "name, newName, newTag, digest and tagSuffix.")
                        .arg(QString::fromStdString(k)));
            }
        }
        if (!hasName)
            add(Diagnostic::Severity::Error, entry.Mark(),
                QCoreApplication::translate("gd::manifest",
                                            "This images entry has no name, so kustomize cannot match it to an "
                                            "image; add \"name:\" with the image as the manifests spell it."));
        return image;
    }

private:
    const QByteArray &m_text;
    Diagnostics &m_out;
};

} // namespace

Result<Kustomization> Kustomization::parse(const QByteArray &text)
{
    std::vector<YAML::Node> documents;
    try {
        documents = yamltext::loadAll(text);
    } catch (const YAML::Exception &e) {
        return detail::yamlError(text, e);
    }
    const int index = detail::kustomizationDocument(documents);
    if (index < 0)
        return makeError(Error::Code::Yaml,
                         QCoreApplication::translate("gd::manifest",
                                                     "The file holds no kustomization: it is empty or not a "
                                                     "mapping of fields to values."));

    Kustomization k;
    k.m_kind = u"Kustomization"_s;
    Reader reader(text, k.m_warnings);
    try {
        const YAML::Node &root = documents[size_t(index)];
        for (auto it = root.begin(); it != root.end(); ++it) {
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            if (!key.IsScalar())
                continue;
            const std::string &name = key.Scalar();
            if (name == "kind") {
                if (value.IsScalar() && !value.Scalar().empty())
                    k.m_kind = str(value);
            } else if (name == "resources") {
                k.m_resources.append(reader.stringList(key, value));
            } else if (name == "bases") {
                reader.deprecated(key, u"resources"_s);
                k.m_resources.append(reader.stringList(key, value));
            } else if (name == "components") {
                k.m_components = reader.stringList(key, value);
            } else if (name == "patches") {
                if (value.IsNull())
                    continue;
                if (!value.IsSequence()) {
                    reader.add(Diagnostic::Severity::Error, key.Mark(),
                               QCoreApplication::translate("gd::manifest", "\"patches\" must be a list."));
                    continue;
                }
                for (const YAML::Node &entry : value) {
                    if (entry.IsMap()) {
                        const QString path = QString::fromStdString(detail::scalarOf(entry, "path"));
                        if (!path.isEmpty())
                            k.m_patchPaths.append(path);
                    } else if (entry.IsScalar()) {
                        reader.add(Diagnostic::Severity::Error, entry.Mark(),
                                   QCoreApplication::translate("gd::manifest",
                                                               "kustomize v5 reads each patches entry as a "
                                                               "mapping; write \"- path: %1\".")
                                       .arg(str(entry)));
                    }
                }
            } else if (name == "patchesStrategicMerge") {
                reader.deprecated(key, u"patches"_s);
                if (value.IsSequence()) {
                    for (const YAML::Node &entry : value) {
                        const QString s = str(entry);
                        // Entries are file paths, or inline patches (which span lines).
                        if (!s.isEmpty() && !s.contains(u'\n'))
                            k.m_patchPaths.append(s);
                    }
                }
            } else if (name == "patchesJson6902") {
                reader.deprecated(key, u"patches"_s);
                if (value.IsSequence()) {
                    for (const YAML::Node &entry : value) {
                        const QString path = QString::fromStdString(detail::scalarOf(entry, "path"));
                        if (!path.isEmpty())
                            k.m_patchPaths.append(path);
                    }
                }
            } else if (name == "commonLabels") {
                reader.deprecated(key, u"labels"_s);
            } else if (name == "vars") {
                reader.deprecated(key, u"replacements"_s);
            } else if (name == "imageTags") {
                reader.deprecated(key, u"images"_s);
            } else if (name == "images") {
                if (value.IsNull())
                    continue;
                if (!value.IsSequence()) {
                    reader.add(Diagnostic::Severity::Error, key.Mark(),
                               QCoreApplication::translate("gd::manifest", "\"images\" must be a list."));
                    continue;
                }
                for (const YAML::Node &entry : value) {
                    if (!entry.IsMap()) {
                        reader.add(Diagnostic::Severity::Error, entry.Mark(),
                                   QCoreApplication::translate("gd::manifest",
                                                               "Each images entry must be a mapping with a name."));
                        continue;
                    }
                    k.m_images.push_back(reader.image(entry));
                }
            }
        }
    } catch (const YAML::Exception &e) {
        return detail::yamlError(text, e);
    }
    std::stable_sort(k.m_warnings.begin(), k.m_warnings.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return k;
}

const KustomizeImage *Kustomization::image(const QString &name) const
{
    // kustomize applies the last entry of a name when a name is listed twice.
    for (auto it = m_images.rbegin(); it != m_images.rend(); ++it) {
        if (it->name == name)
            return &*it;
    }
    return nullptr;
}

} // namespace gd::manifest
