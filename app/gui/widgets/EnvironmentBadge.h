#pragma once

#include <QLabel>

namespace workos::gui {

// Always-visible marker of the WorkOS environment the console acts on. Production and staging
// differ in colour and text so nobody mistakes one for the other.
class EnvironmentBadge : public QLabel
{
    Q_OBJECT
public:
    explicit EnvironmentBadge(QWidget *parent = nullptr);
    void setEnvironment(const QString &environment);
    QString environment() const { return m_environment; }

private:
    QString m_environment;
};

} // namespace workos::gui
