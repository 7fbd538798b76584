#pragma once

#include "http/Http.h"

#include <functional>
#include <optional>
#include <vector>

namespace emu {

enum class Access { Public, ApiKey, Control };

using Handler = std::function<Response(Request &)>;

struct Route
{
    QByteArray method;
    QStringList segments; // "{name}" segments are parameters
    Access access;
    Handler handler;
};

// Method + path pattern ("/user_management/users/{id}") -> handler. When several patterns
// match, the one with more literal segments wins ("/organizations/external_id/{x}" over
// "/organizations/{id}/roles").
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    void get(const QString &p, Access a, Handler h) { add("GET", p, a, std::move(h)); }
    void post(const QString &p, Access a, Handler h) { add("POST", p, a, std::move(h)); }
    void put(const QString &p, Access a, Handler h) { add("PUT", p, a, std::move(h)); }
    void del(const QString &p, Access a, Handler h) { add("DELETE", p, a, std::move(h)); }

    // The best route for the request, with its path parameters filled into `params`.
    const Route *match(const QByteArray &method, const QString &path, QHash<QString, QString> &params) const;

private:
    std::vector<Route> m_routes;
};

} // namespace emu
