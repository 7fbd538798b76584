#include "profiles/SiteListModel.h"

namespace workos {

SiteListModel::SiteListModel(ProfileStore &store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
    reload();
}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sites.size());
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_sites.size())
        return {};
    const SiteProfile &site = m_sites.at(index.row());
    const State state = m_state.value(site.name);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return site.name;
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        QString text = state.detail.isEmpty() ? site.url.toString() : site.url.toString() + QLatin1Char('\n') + state.detail;
        if (state.breakGlass)
            text += QLatin1Char('\n') + (*state.breakGlass ? tr("Break-glass on: WordPress passwords still sign in.")
                                                           : tr("Break-glass off: only WorkOS signs people in."));
        return text;
    }
    case BreakGlassRole:
        return state.breakGlass ? QVariant(*state.breakGlass) : QVariant();
    case UrlRole:
        return site.url;
    case EnvironmentRole:
        return site.environment;
    case HealthRole:
        return static_cast<int>(state.health);
    case EnabledRole:
        return state.enabled;
    case DetailRole:
        return state.detail;
    default:
        return {};
    }
}

QHash<int, QByteArray> SiteListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(UrlRole, "url");
    names.insert(EnvironmentRole, "environment");
    names.insert(HealthRole, "health");
    names.insert(EnabledRole, "enabled");
    names.insert(DetailRole, "detail");
    names.insert(BreakGlassRole, "breakGlass");
    return names;
}

void SiteListModel::reload()
{
    beginResetModel();
    m_sites = m_store.sites();
    endResetModel();
}

SiteProfile SiteListModel::profileAt(int row) const
{
    return row >= 0 && row < m_sites.size() ? m_sites.at(row) : SiteProfile{};
}

int SiteListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_sites.size(); ++i) {
        if (m_sites.at(i).name == name)
            return i;
    }
    return -1;
}

void SiteListModel::setHealth(const QString &name, Health health, bool enabled, const QString &detail,
                              std::optional<bool> breakGlass)
{
    m_state.insert(name, {health, enabled, detail, breakGlass});
    const int row = rowOf(name);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

} // namespace workos
