#pragma once

#include "http/Http.h"

namespace emu {

class Emulator;

// The AuthKit hosted pages: GET /user_management/authorize and the forms it renders
// (sign-in, sign-up, organization picker), which end in a redirect with a one-time code.
void registerHostedPages(Emulator &emulator);

namespace pages {

// A complete HTML document in the emulator's look: `content` is trusted HTML, `title` is escaped.
QString document(const QString &title, const QString &content);
// An error page without any redirect (bad client_id, redirect_uri, ...): #error holds `message`.
Response error(int status, const QString &title, const QString &message);
QString escape(const QString &text);

} // namespace pages
} // namespace emu
