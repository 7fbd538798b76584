#pragma once

#include "profiles/SiteProfile.h"
#include "util/Result.h"
#include "util/SqliteConnection.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace workos {

// The sites the console knows, in an SQLite file with a schema version and stepwise migrations.
// One instance per thread (each opens its own connection).
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)
public:
    static constexpr int SchemaVersion = 1;

    // $WPWORKOS_DATA_DIR/profiles.sqlite, else ~/.local/share/wpworkos/profiles.sqlite:
    // shared by workos-console and wpworkos.
    static QString defaultPath();

    explicit ProfileStore(QString path = defaultPath());
    ProfileStore(const ProfileStore &) = delete;
    ProfileStore &operator=(const ProfileStore &) = delete;

    Result<void> open();
    int schemaVersion() const;
    QString path() const { return m_path; }

    QList<SiteProfile> sites() const;
    std::optional<SiteProfile> site(const QString &name) const;
    Result<void> addSite(SiteProfile profile);
    Result<void> updateSite(const SiteProfile &profile);
    Result<void> removeSite(const QString &name);
    Result<void> moveSite(const QString &name, int newPosition);

    // The site commands act on when no --site is given; empty when there is none.
    // The console's own preferences (language, …): small text values next to the sites.
    QString preference(const QString &key) const;
    Result<void> setPreference(const QString &key, const QString &value);

    QString currentSite() const;
    Result<void> setCurrentSite(const QString &name);

    static bool isValidName(const QString &name);

private:
    Result<void> migrate();
    Error sqlError(const QString &what) const;

    QString m_path;
    SqliteConnection m_connection;
};

} // namespace workos
