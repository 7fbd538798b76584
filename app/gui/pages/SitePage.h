#pragma once

#include "ConsoleContext.h"
#include "profiles/SiteProfile.h"

#include <QWidget>

namespace workos::gui {

// A tab of the selected site (Settings, Users, Activity, …). The main window calls showSite()
// when the page becomes visible for a site, so a page loads only what the admin looks at;
// it is called again when the site or its environment changes, or on refresh.
class SitePage : public QWidget
{
    Q_OBJECT
public:
    SitePage(ConsoleContext &context, QWidget *parent = nullptr) : QWidget(parent), m_context(context) {}

    // The tab's label (translated).
    virtual QString title() const = 0;
    virtual void showSite(const SiteProfile &site) = 0;

Q_SIGNALS:
    // A line for the main window's status bar ("Saved", "Pulled 120 events").
    void message(const QString &text);

protected:
    ConsoleContext &m_context;
};

} // namespace workos::gui
