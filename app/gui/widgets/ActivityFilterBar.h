#pragma once

#include "activity/ActivityFilter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QTimer;

namespace workos::gui {

// The Activity page's filters: event type, user, first and last day (UTC), words, and the list of
// saved filters. A change is announced at once, typing after a short pause. The bar knows no
// cache: saving, applying and deleting a saved filter are asked of the page.
class ActivityFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityFilterBar(QWidget *parent = nullptr);

    ActivityFilter filter() const;
    // Shows a filter (a saved one) without announcing it.
    void setFilter(const ActivityFilter &filter);
    // The event types offered, keeping the chosen one.
    void setTypes(const QStringList &types);
    // The saved filters offered; `current` selected (none when empty).
    void setSavedNames(const QStringList &names, const QString &current = QString());
    QString currentSaved() const;
    void setSavingEnabled(bool enabled);
    void focusSearch();

Q_SIGNALS:
    void changed();
    // The filters were cleared (changed() follows).
    void cleared();
    void saveRequested();
    void savedChosen(const QString &name);
    void deleteRequested(const QString &name);

private:
    void announce();

    QComboBox *m_type;
    QLineEdit *m_user;
    QCheckBox *m_fromOn;
    QDateEdit *m_from;
    QCheckBox *m_toOn;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QPushButton *m_clear;
    QComboBox *m_saved;
    QPushButton *m_save;
    QPushButton *m_delete;
    QTimer *m_typing;
};

} // namespace workos::gui
