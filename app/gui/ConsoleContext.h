#pragma once

namespace workos {
class HttpClient;
class ProfileStore;
class SecretStore;
class SiteService;
} // namespace workos

namespace workos::gui {

// The core services one console window works with, handed to every page. The pages own no
// behaviour of their own beyond presentation: they call these (and the static core services that
// take them), exactly as wpworkos does.
struct ConsoleContext
{
    ProfileStore &profiles;
    SecretStore &secrets;
    HttpClient &http;
    SiteService &sites;
};

} // namespace workos::gui
