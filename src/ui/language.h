// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace gd::ui {

/// The user interface language the user chose in Settings → Language.
enum class Language { System, English, ChineseSimplified };

/// The code stored in the settings: "system", "en", "zh_CN".
QString languageCode(Language language);
/// The language for a stored code; System for anything unknown.
Language languageFromCode(const QString &code);

/// The language stored in QSettings (System when none was chosen).
Language storedLanguage();
/// Remembers `language` in QSettings for the next start.
void storeLanguage(Language language);

/// The locale `language` stands for (System: the system locale).
QLocale localeFor(Language language);

/// Installs the translators for `language` on the application, replacing the ones installed before: the app's
/// own catalog (compiled in under :/i18n) and Qt's qtbase catalog from QLibraryInfo::TranslationsPath when present.
/// Widgets get QEvent::LanguageChange and retranslate at once. Also sets QLocale's default.
/// Returns true when a catalog of the app was loaded (false for English or a locale without one). GUI thread.
bool applyLanguage(Language language);

/// The language currently applied by applyLanguage (System before the first call).
Language currentLanguage();

} // namespace gd::ui
