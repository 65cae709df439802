// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the text-preserving image edit of a kustomization (manifest::applyImageEdit). The input is the file;
// which entry and tag to set are chosen from the input's hash. When the edit succeeds: the result parses, every
// document but the edited one is unchanged, the named entries carry the new tag (quoted where YAML would misread it),
// the other keys are unchanged, and the bytes that changed are the old tag's scalar (or only an insertion when the
// entry had no tag).
#include "fuzztarget.h"

#include "manifest/imagetagedit.h"

#include <yaml-cpp/yaml.h>

#include <QStringList>

#include <array>
#include <optional>
#include <string>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

std::string dump(const YAML::Node &node)
{
    try {
        return YAML::Dump(node);
    } catch (const YAML::Exception &) {
        return "<cannot dump>";
    }
}

std::string scalarAt(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    return value && value.IsScalar() ? value.Scalar() : std::string();
}

/// The `images:` entries named `name` in `document` (a copy of each node).
std::vector<YAML::Node> entriesNamed(const YAML::Node &document, const std::string &name)
{
    std::vector<YAML::Node> out;
    if (!document.IsMap())
        return out;
    const YAML::Node images = document["images"];
    if (!images || !images.IsSequence())
        return out;
    for (const YAML::Node &entry : images) {
        if (entry.IsMap() && scalarAt(entry, "name") == name)
            out.push_back(entry);
    }
    return out;
}

/// The names of every `images:` entry in any document of `text`.
std::vector<std::string> imageNames(const std::vector<YAML::Node> &documents)
{
    std::vector<std::string> names;
    for (const YAML::Node &document : documents) {
        if (!document.IsMap() || !document["images"] || !document["images"].IsSequence())
            continue;
        for (const YAML::Node &entry : document["images"]) {
            if (entry.IsMap() && !scalarAt(entry, "name").empty())
                names.push_back(scalarAt(entry, "name"));
        }
    }
    return names;
}

/// Every key of `document` but `images` with its value, in order (duplicate keys included).
std::vector<std::string> otherKeys(const YAML::Node &document)
{
    std::vector<std::string> out;
    for (auto it = document.begin(); it != document.end(); ++it) {
        if (!(it->first.IsScalar() && it->first.Scalar() == "images"))
            out.push_back(dump(it->first) + " => " + dump(it->second));
    }
    return out;
}

/// Tags a plain YAML scalar would read as something else than a string.
bool misreadWhenPlain(const QString &tag)
{
    static const QStringList risky{u"true"_s, u"null"_s, u"1e3"_s, u"0x1F"_s, u"1.10"_s, u"007"_s, u"on"_s, u"1_000"_s};
    return risky.contains(tag);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using gd::fuzz::printable;
    using gd::fuzz::require;
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto before = gd::fuzz::loadDocuments(text);
    const quint32 hash = gd::fuzz::inputHash(text);

    static const std::array<QString, 12> tags{u"1.2.3"_s, u"true"_s, u"null"_s, u"1e3"_s, u"0x1F"_s, u"1.10"_s,
                                              u"007"_s, u"v2.0.0-rc.1_b7"_s, u"on"_s, u"1_000"_s, u"_"_s,
                                              QString(128, u'a')};
    gd::manifest::ImageEdit edit;
    const std::vector<std::string> names = before ? imageNames(*before) : std::vector<std::string>();
    edit.name = names.empty() || (hash & 7u) == 0 ? u"registry.example.com/fuzz/app"_s
                                                   : QString::fromStdString(names[(hash >> 3) % names.size()]);
    edit.newTag = tags[(hash >> 8) % tags.size()];
    const bool onlyTag = ((hash >> 16) & 7u) != 0;
    if (!onlyTag) {
        edit.digest = u"sha256:"_s + QString(64, u'c');
        edit.newName = u"mirror.example.com:5000/fuzz/app"_s;
    }

    const auto result = gd::manifest::applyImageEdit(text, edit);
    if (!result.ok())
        return 0;
    const QByteArray &out = *result;
    const QByteArray report = "input: " + printable(text) + "\noutput: " + printable(out) + "\nname: "
                              + edit.name.toUtf8() + " tag: " + edit.newTag->toUtf8();
    require(before.has_value(), "an edit succeeded on text that does not parse as YAML", report);
    const auto after = gd::fuzz::loadDocuments(out);
    require(after.has_value(), "the edited text does not parse as YAML", report);
    require(after->size() == before->size() || (before->empty() && after->size() == 1),
            "the edit changed the number of YAML documents", report);

    // Exactly one document changed (none when the tag was already there), and in it only the images list.
    int changed = -1;
    for (size_t i = 0; i < before->size(); ++i) {
        if (dump((*before)[i]) == dump((*after)[i]))
            continue;
        require(changed < 0, "the edit changed more than one YAML document", report);
        changed = int(i);
    }
    if (changed < 0)
        return 0;
    const YAML::Node &oldDoc = (*before)[size_t(changed)];
    const YAML::Node &newDoc = (*after)[size_t(changed)];
    require(newDoc.IsMap(), "the edited document is no longer a mapping", report);
    if (oldDoc.IsMap())
        require(otherKeys(oldDoc) == otherKeys(newDoc), "the edit changed a key other than images", report);
    const std::string name = edit.name.toStdString();
    const std::vector<YAML::Node> edited = entriesNamed(newDoc, name);
    require(!edited.empty(), "the edited document has no entry with the edited name", report);
    for (const YAML::Node &entry : edited) {
        const YAML::Node tag = entry["newTag"];
        require(tag && tag.IsScalar() && tag.Scalar() == edit.newTag->toStdString(),
                "the new tag does not read back", report);
        require(!misreadWhenPlain(*edit.newTag) || tag.Tag() == "!",
                "a tag YAML reads as a number, bool or null was written plain", report);
        if (edit.digest)
            require(scalarAt(entry, "digest") == edit.digest->toStdString(), "the digest does not read back", report);
        if (edit.newName)
            require(scalarAt(entry, "newName") == edit.newName->toStdString(), "the newName does not read back",
                    report);
    }

    // Byte-minimal: with one matching entry and only the tag set, the bytes that changed are the old tag's scalar
    // (on its line), or nothing but inserted bytes when the entry had no tag.
    const std::vector<YAML::Node> old = entriesNamed(oldDoc, name);
    if (!onlyTag || old.size() != 1 || text.startsWith("\xEF\xBB\xBF"))
        return 0;
    qsizetype prefix = 0;
    while (prefix < text.size() && prefix < out.size() && text[prefix] == out[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < text.size() - prefix && suffix < out.size() - prefix
           && text[text.size() - 1 - suffix] == out[out.size() - 1 - suffix])
        ++suffix;
    const qsizetype changedEnd = text.size() - suffix;   // the input's bytes [prefix, changedEnd) were replaced
    const YAML::Node oldTag = old.front()["newTag"];
    if (!oldTag || oldTag.IsNull()) {
        require(changedEnd <= prefix, "adding the tag changed bytes besides inserting it", report);
        return 0;
    }
    if (!oldTag.IsScalar())
        return 0;
    const qsizetype start = oldTag.Mark().pos;
    if (start < 0 || start >= text.size() || text[start] == '|' || text[start] == '>')
        return 0;
    qsizetype lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0)
        lineEnd = text.size();
    // A quoted scalar may go on over several lines; then its closing quote's line ends the span.
    if ((text[start] == '"' || text[start] == '\'') && oldTag.Scalar().find(' ') != std::string::npos)
        return 0;
    require(prefix >= start && changedEnd <= lineEnd, "the edit changed bytes outside the old tag's scalar",
            report + "\nchanged input bytes " + QByteArray::number(prefix) + ".." + QByteArray::number(changedEnd)
                + ", old scalar at " + QByteArray::number(start) + ".." + QByteArray::number(lineEnd));
    return 0;
}
