#include "site/RedirectRules.h"

#include <QRegularExpression>

#include <cctype>
#include <optional>

namespace workos {

namespace {

constexpr int kDecodeRounds = 4;

// PHP's rawurldecode: every %XX with two hex digits, nothing else ("+" stays).
QByteArray rawDecode(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == '%' && i + 2 < in.size() && hex(in.at(i + 1)) && hex(in.at(i + 2))) {
            out.append(static_cast<char>(in.mid(i + 1, 2).toInt(nullptr, 16)));
            i += 2;
        } else {
            out.append(in.at(i));
        }
    }
    return out;
}

// Decoded until stable; nullopt when it keeps changing (nobody needs such a target).
std::optional<QByteArray> decode(QByteArray value)
{
    for (int round = 0; round < kDecodeRounds; ++round) {
        const QByteArray next = rawDecode(value);
        if (next == value)
            return value;
        value = next;
    }
    if (rawDecode(value) == value)
        return value;
    return std::nullopt;
}

bool hasControl(const QByteArray &bytes, bool withSpaceAndBackslash)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || (withSpaceAndBackslash && (u == 0x20 || u == '\\')))
            return true;
    }
    return false;
}

bool hostAllowed(const QString &host, const QString &scheme, std::optional<int> port, const QUrl &home)
{
    if (home.host().isEmpty() || home.host().toLower() != host)
        return false;
    const int own = home.port(-1);
    if (own != -1)
        return port && *port == own;
    return !port || *port == (scheme == u"https" ? 443 : 80);
}

bool absoluteIsSafe(const QByteArray &target, const QUrl &home)
{
    static const QRegularExpression schemeRe(QStringLiteral("^(https?)://"), QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(target);
    const auto scheme = schemeRe.match(text);
    if (!scheme.hasMatch())
        return false; // javascript:, data:, //host, "http:host"...
    const QString rest = text.mid(scheme.capturedLength());
    static const QRegularExpression authorityEndRe(QStringLiteral("[/?#]"));
    const qsizetype authorityEnd = rest.indexOf(authorityEndRe);
    const QString authority = authorityEnd < 0 ? rest : rest.left(authorityEnd);
    const QString afterAuthority = authorityEnd < 0 ? QString() : rest.mid(authorityEnd);
    if (authority.contains(u'@'))
        return false; // user info: https://site@evil
    QString host = authority;
    std::optional<int> port;
    const qsizetype colon = authority.startsWith(u'[') ? authority.indexOf(u':', authority.indexOf(u']')) : authority.lastIndexOf(u':');
    if (colon >= 0) {
        host = authority.left(colon);
        const QString digits = authority.mid(colon + 1);
        static const QRegularExpression number(QStringLiteral("^\\d{1,5}$"));
        if (!digits.isEmpty()) {
            if (!number.match(digits).hasMatch() || digits.toInt() > 65535)
                return false;
            port = digits.toInt();
        }
    }
    host = host.toLower();
    static const QRegularExpression oddHost(QStringLiteral("[:/?#@%]"));
    if (host.isEmpty() || (!host.startsWith(u'[') && host.contains(oddHost)))
        return false; // odd parse results, and encoded hosts no browser resolves like the site
    if (!hostAllowed(host, scheme.captured(1).toLower(), port, home))
        return false;
    static const QRegularExpression queryOrFragment(QStringLiteral("[?#]"));
    const qsizetype pathEnd = afterAuthority.indexOf(queryOrFragment);
    const auto path = decode((pathEnd < 0 ? afterAuthority : afterAuthority.left(pathEnd)).toUtf8());
    return path && !path->contains('\\');
}

QString phpTrim(const QString &text)
{
    static const QString stripped = QStringLiteral(" \t\n\r\v") + QChar(u'\0');
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && stripped.contains(text.at(begin)))
        ++begin;
    while (end > begin && stripped.contains(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

} // namespace

bool RedirectRules::isSafe(const QString &given, const QUrl &home)
{
    // The site trims as PHP's trim() does (ASCII whitespace and NUL only), then reads "welcome"
    // as a page of the site, like "/welcome" (LoginRedirects::safe_target).
    QString text = phpTrim(given);
    if (text.isEmpty())
        return false;
    static const QRegularExpression hasScheme(QStringLiteral("^[a-z][a-z0-9+.\\-]*:"), QRegularExpression::CaseInsensitiveOption);
    if (!hasScheme.match(text).hasMatch() && !text.startsWith(u'/') && !text.startsWith(u'\\'))
        text.prepend(u'/');
    const QByteArray target = text.toUtf8();
    if (target.size() > MaxLength || hasControl(target, true))
        return false;
    const auto decoded = decode(target);
    if (!decoded || hasControl(*decoded, false))
        return false; // %0d%0a and friends, however deeply encoded
    if (target.startsWith('/')) {
        // A path of the site: nothing that decodes to "//host" or a backslash before ? or #.
        static const QRegularExpression queryOrFragment(QStringLiteral("[?#]"));
        const qsizetype end = text.indexOf(queryOrFragment);
        const auto path = decode((end < 0 ? text : text.left(end)).toUtf8());
        return path && !path->startsWith("//") && !path->contains('\\');
    }
    return absoluteIsSafe(target, home);
}

QList<RedirectRules::Problem> RedirectRules::validate(const QJsonObject &redirects, const QStringList &wordpressRoles,
                                                      const QUrl &home)
{
    QList<Problem> problems;
    for (const char *name : {"login", "logout"}) {
        const QString map = QLatin1String(name);
        const QJsonValue value = redirects.value(map);
        if (!value.isObject()) {
            problems.append({map, QString(), tr("The %1 redirects must be a map of role to address.").arg(map)});
            continue;
        }
        const QJsonObject entries = value.toObject();
        if (entries.size() > MaxEntries)
            problems.append({map, QString(), tr("At most %1 %2 redirects; there are %3.").arg(MaxEntries).arg(map).arg(entries.size())});
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            const QString role = it.key();
            if (role != defaultKey() && !wordpressRoles.contains(role))
                problems.append({map, role, tr("“%1” is not a WordPress role on this site.").arg(role)});
            const QJsonValue entry = it.value();
            const QJsonValue url = map == u"login" ? entry.toObject().value(u"url") : entry;
            if ((map == u"login" && !entry.isObject()) || !url.isString()) {
                problems.append({map, role, tr("Give the address to send them to.")});
                continue;
            }
            if (map == u"login") {
                const QJsonValue first = entry.toObject().value(u"first_login_only");
                if (!first.isUndefined() && !first.isBool())
                    problems.append({map, role, tr("“First login only” must be on or off.")});
            }
            const QString text = url.toString();
            if (phpTrim(text).isEmpty())
                problems.append({map, role, tr("Give the address to send them to.")});
            else if (text.size() > MaxLength)
                problems.append({map, role, tr("The address is longer than %1 characters.").arg(MaxLength)});
            else if (!isSafe(text, home))
                problems.append({map, role, tr("“%1” is not a page of this site: use a path such as /welcome/ or an address on %2.")
                                               .arg(text, home.host() + (home.port(-1) != -1 ? QStringLiteral(":%1").arg(home.port()) : QString()))});
        }
    }
    return problems;
}

} // namespace workos
