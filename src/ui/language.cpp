// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace gd::ui {
namespace {

const QString settingsKey = u"ui/language"_s;

struct Installed {
    QPointer<QTranslator> app;
    QPointer<QTranslator> qt;
    Language language = Language::System;
};

Installed &installed()
{
    static Installed state;
    return state;
}

void removeTranslator(QPointer<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

QString languageCode(Language language)
{
    switch (language) {
    case Language::English:
        return u"en"_s;
    case Language::ChineseSimplified:
        return u"zh_CN"_s;
    case Language::System:
        break;
    }
    return u"system"_s;
}

Language languageFromCode(const QString &code)
{
    if (code == u"en")
        return Language::English;
    if (code == u"zh_CN")
        return Language::ChineseSimplified;
    return Language::System;
}

Language storedLanguage()
{
    return languageFromCode(QSettings().value(settingsKey).toString());
}

void storeLanguage(Language language)
{
    QSettings().setValue(settingsKey, languageCode(language));
}

QLocale localeFor(Language language)
{
    switch (language) {
    case Language::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case Language::ChineseSimplified:
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    case Language::System:
        break;
    }
    return QLocale::system();
}

bool applyLanguage(Language language)
{
    Installed &state = installed();
    removeTranslator(state.app);
    removeTranslator(state.qt);
    state.language = language;

    const QLocale locale = localeFor(language);
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        // Removing the translators already told every widget; English is the source language.
        return false;
    }

    bool loadedApp = false;
    auto *app = new QTranslator(QCoreApplication::instance());
    if (app->load(locale, u"gitopsdesk"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(app);
        state.app = app;
        loadedApp = true;
    } else {
        delete app;
    }
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        state.qt = qt;
    } else {
        delete qt;
    }
    return loadedApp;
}

Language currentLanguage()
{
    return installed().language;
}

} // namespace gd::ui
