#pragma once

#include "profiles/ProfileStore.h"

#include <QAbstractListModel>
#include <QHash>

#include <optional>

namespace workos {

// The site list as a Qt model, for the console's sidebar. Health is set by whoever checks a site
// (reachable, companion enabled, break-glass state) and shown by the view.
class SiteListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Health { Unknown, Checking, Reachable, Unreachable };
    Q_ENUM(Health)

    enum Role {
        NameRole = Qt::UserRole + 1,
        UrlRole,
        EnvironmentRole,
        HealthRole,     // Health as int
        EnabledRole,    // bool: the companion reports WorkOS configured
        DetailRole,     // last status line or error
        BreakGlassRole, // bool: WordPress passwords still sign in (checked sites only; else invalid)
    };

    explicit SiteListModel(ProfileStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload();
    SiteProfile profileAt(int row) const;
    int rowOf(const QString &name) const;
    void setHealth(const QString &name, Health health, bool enabled, const QString &detail,
                   std::optional<bool> breakGlass = std::nullopt);

private:
    struct State
    {
        Health health = Health::Unknown;
        bool enabled = false;
        QString detail;
        std::optional<bool> breakGlass;
    };

    ProfileStore &m_store;
    QList<SiteProfile> m_sites;
    QHash<QString, State> m_state;
};

} // namespace workos
