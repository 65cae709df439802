// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/yamltojson.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;

namespace gd::test {
namespace {

QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(QString::fromStdString(entry.first.Scalar()), toJson(entry.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &entry : node)
            array.append(toJson(entry));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!")
            return text;
        if (text == u"true" || text == u"false")
            return text == u"true";
        if (text == u"null" || text == u"~")
            return QJsonValue::Null;
        bool isNumber = false;
        const qint64 number = text.toLongLong(&isNumber);
        if (isNumber)
            return number;
        return text;
    }
    default:
        return QJsonValue::Null;
    }
}

} // namespace

QJsonObject yamlToJsonObject(const QByteArray &yaml)
{
    try {
        return toJson(YAML::Load(yaml.toStdString())).toObject();
    } catch (const YAML::Exception &) {
        return {};
    }
}

} // namespace gd::test
