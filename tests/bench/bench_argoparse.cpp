// SPDX-License-Identifier: GPL-3.0-or-later
// Prints how long GitOps Desk takes to read Argo CD's answers: a List of 2,000 real-shaped Applications
// (DESIGN.md §5: the whole apply to the matrix ≤ 150 ms) and 2,000 watch events through the SSE parser.
#include "net/argoapplication.h"
#include "net/ssestream.h"
#include "support/yamltojson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString path = QString::fromUtf8(qgetenv("GD_SOURCE_DIR"))
                         + u"/tests/data/argocd/argo-cd_controller_testdata_diff-cache.yaml"_s;
    QFile file(argc > 1 ? QString::fromLocal8Bit(argv[1]) : path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s (set GD_SOURCE_DIR or pass the fixture path)\n", qPrintable(file.fileName()));
        return 1;
    }
    const QJsonObject sample = gd::test::yamlToJsonObject(file.readAll());
    if (sample.isEmpty()) {
        std::fprintf(stderr, "fixture does not parse as a YAML mapping\n");
        return 1;
    }
    constexpr int kApps = 2000;
    QJsonArray items;
    for (int i = 0; i < kApps; ++i) {
        QJsonObject item = sample;
        QJsonObject metadata = item.value("metadata"_L1).toObject();
        metadata.insert(u"name"_s, u"svc-%1-prod"_s.arg(i));
        item.insert(u"metadata"_s, metadata);
        items.append(item);
    }
    const QByteArray list = QJsonDocument(QJsonObject{{u"metadata"_s, QJsonObject{{u"resourceVersion"_s, u"1"_s}}},
                                                      {u"items"_s, items}})
                                .toJson(QJsonDocument::Compact);

    QElapsedTimer timer;
    timer.start();
    const auto parsed = gd::argo::parseApplicationList(list);
    const qint64 listMs = timer.elapsed();
    if (!parsed.ok() || parsed->items.size() != std::size_t(kApps)) {
        std::fprintf(stderr, "list did not parse\n");
        return 1;
    }
    std::printf("parse List of %d Applications (%.1f MB JSON): %lld ms\n", kApps, list.size() / 1e6,
                static_cast<long long>(listMs));

    // What a server that honours `fields` sends: no history, resources or sync result (reference §2 whitelist).
    QJsonArray trimmed;
    for (const QJsonValue &value : items) {
        QJsonObject item = value.toObject();
        QJsonObject status = item.value("status"_L1).toObject();
        for (const auto key : {"history"_L1, "resources"_L1, "conditions"_L1, "operationState"_L1})
            status.remove(key);
        item.insert(u"status"_s, status);
        trimmed.append(item);
    }
    const QByteArray fieldsList = QJsonDocument(QJsonObject{{u"items"_s, trimmed}}).toJson(QJsonDocument::Compact);
    timer.restart();
    const QJsonDocument document = QJsonDocument::fromJson(fieldsList);
    const qint64 jsonMs = timer.elapsed();
    timer.restart();
    const auto parsedFields = gd::argo::parseApplicationList(fieldsList);
    const qint64 fieldsMs = timer.elapsed();
    std::printf("parse List of %d Applications as trimmed by `fields` (%.1f MB JSON): %lld ms "
                "(of which QJsonDocument alone: %lld ms)\n",
                kApps, fieldsList.size() / 1e6, static_cast<long long>(fieldsMs), static_cast<long long>(jsonMs));
    if (!parsedFields.ok() || document.isNull())
        return 1;

    QByteArray stream;
    for (int i = 0; i < kApps; ++i) {
        const QJsonObject event{{u"result"_s, QJsonObject{{u"type"_s, u"MODIFIED"_s}, {u"application"_s, items.at(i)}}}};
        stream += "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + " \n\n\n";
        if (i % 50 == 0)
            stream += ":\n";
    }
    timer.restart();
    gd::argo::SseParser parser;
    int events = 0;
    constexpr qsizetype kRead = 16384;   // bytes per network read
    for (qsizetype offset = 0; offset < stream.size(); offset += kRead) {
        for (const auto &sse : parser.feed(QByteArrayView(stream).sliced(offset, std::min(kRead, stream.size() - offset)))) {
            if (gd::argo::parseWatchEvent(sse.data).ok())
                ++events;
        }
    }
    const qint64 streamMs = timer.elapsed();
    std::printf("SSE + parse %d watch events (%.1f MB): %lld ms total, %.3f ms per event\n", events,
                stream.size() / 1e6, static_cast<long long>(streamMs), double(streamMs) / std::max(1, events));
    return events == kApps ? 0 : 1;
}
