#pragma once

#include "ConsoleContext.h"
#include "pages/settings/SettingsData.h"

#include <QFrame>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QWidget>

namespace workos::gui {

// One tab of the Settings page. The page loads the site's settings and hands them to every tab;
// a tab edits, validates and writes its part, then asks the page to load again.
class SettingsTab : public QWidget
{
    Q_OBJECT
public:
    SettingsTab(ConsoleContext &context, QWidget *parent = nullptr) : QWidget(parent), m_context(context) {}

    // Shows what the site holds. `discardEdits` false keeps what the admin changed and has not
    // saved yet (another tab saved, or a refresh); true shows the site's values only.
    virtual void load(const SettingsData &loaded, bool discardEdits) = 0;
    virtual bool hasUnsavedChanges() const = 0;

Q_SIGNALS:
    // Something was written to the site: the page loads again and shows `message`.
    void saved(const QString &message);
    void unsavedChangesChanged();

protected:
    // The tab's fields in a scroll area (Tab goes to the fields, the area follows the focus), its
    // save bar always in view below.
    void placeContent(QWidget *content, QWidget *saveBar)
    {
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(content);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setFocusPolicy(Qt::NoFocus);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(scroll, 1);
        layout->addWidget(saveBar);
    }

    ConsoleContext &m_context;
    SettingsData m_data;
};

} // namespace workos::gui
