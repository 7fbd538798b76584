#pragma once

#include "pages/SitePage.h"

class QComboBox;
class QLabel;
class QTextBrowser;

namespace workos::gui {

// What changed, release by release: the console's own CHANGELOG.md (built in) or the changelog of
// the companion the site runs, rendered from markdown, with the installed version marked.
class ChangelogPage : public SitePage
{
    Q_OBJECT
public:
    enum class Source { Console, Companion };

    explicit ChangelogPage(ConsoleContext &context, QWidget *parent = nullptr);

    QString title() const override;
    // Fetches the companion's changelog of `site` (the console's is always there).
    void showSite(const SiteProfile &site) override;

    void showSource(Source source);
    Source source() const;
    bool isLoading() const { return m_fetch != nullptr; }

    // The console's CHANGELOG.md, as built into the app.
    static QString consoleChangelog();

Q_SIGNALS:
    // The companion's changelog arrived, or failed to.
    void companionLoaded();

private:
    void render();
    bool markInstalled(const QString &version);
    void showInstalled(const QString &version);

    SiteProfile m_site;
    QObject *m_fetch = nullptr; // context of the running fetch; deleting it drops the answer
    QString m_companionMarkdown;
    QString m_companionVersion;
    QString m_companionError;

    QComboBox *m_source;
    QLabel *m_installed;
    QLabel *m_error;
    QTextBrowser *m_view;
};

} // namespace workos::gui
