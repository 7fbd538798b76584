#include "widgets/EnvironmentBadge.h"

namespace workos::gui {

EnvironmentBadge::EnvironmentBadge(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("environmentBadge"));
    setAlignment(Qt::AlignCenter);
    setMinimumWidth(110);
    setEnvironment(QString());
}

void EnvironmentBadge::setEnvironment(const QString &environment)
{
    m_environment = environment;
    QString text;
    QString colour;
    if (environment == u"production") {
        text = tr("PRODUCTION");
        colour = QStringLiteral("#b3261e");
    } else if (environment == u"staging") {
        text = tr("STAGING");
        colour = QStringLiteral("#b26a00");
    } else {
        text = tr("NO SITE");
        colour = QStringLiteral("#6b6b6b");
    }
    setText(text);
    setToolTip(environment.isEmpty() ? tr("No site selected")
                                     : tr("Actions apply to the %1 environment of WorkOS").arg(environment));
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; "
                                 "border-radius: 4px; padding: 3px 10px; }")
                      .arg(colour));
}

} // namespace workos::gui
