#include "pages/ChangelogPage.h"

#include "BuildInfo.h"
#include "changelog/CompanionChangelog.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

namespace workos::gui {

ChangelogPage::ChangelogPage(ConsoleContext &context, QWidget *parent)
    : SitePage(context, parent), m_source(new QComboBox(this)), m_installed(new QLabel(this)), m_error(new QLabel(this)),
      m_view(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("changelogPage"));
    m_source->setObjectName(QStringLiteral("changelogSource"));
    m_installed->setObjectName(QStringLiteral("changelogInstalled"));
    m_error->setObjectName(QStringLiteral("changelogError"));
    m_view->setObjectName(QStringLiteral("changelogView"));

    m_source->addItem(tr("WorkOS Console"), int(Source::Console));
    m_source->addItem(tr("Companion on the selected site"), int(Source::Companion));
    auto *sourceLabel = new QLabel(tr("&Changelog of:"), this);
    sourceLabel->setBuddy(m_source);
    QFont bold = m_installed->font();
    bold.setBold(true);
    m_installed->setFont(bold);
    m_installed->setTextFormat(Qt::RichText);
    m_installed->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_installed->setToolTip(tr("Go to the installed release"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_error->hide();
    m_view->setAccessibleName(tr("Changelog"));
    m_view->setOpenExternalLinks(true);

    auto *top = new QHBoxLayout;
    top->addWidget(sourceLabel);
    top->addWidget(m_source);
    top->addStretch(1);
    top->addWidget(m_installed);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    setTabOrder(m_source, m_view);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this]() { render(); });
    connect(m_installed, &QLabel::linkActivated, this, [this](const QString &link) { m_view->scrollToAnchor(link.mid(1)); });
    render();
}

QString ChangelogPage::title() const
{
    return tr("Changelog");
}

QString ChangelogPage::consoleChangelog()
{
    QFile file(QStringLiteral(":/console/CHANGELOG.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void ChangelogPage::showSource(Source source)
{
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

ChangelogPage::Source ChangelogPage::source() const
{
    return Source(m_source->currentData().toInt());
}

void ChangelogPage::showSite(const SiteProfile &site)
{
    delete m_fetch; // an answer still due for the previous site is dropped
    m_site = site;
    m_fetch = new QObject(this);
    m_companionMarkdown.clear();
    m_companionVersion.clear();
    m_companionError.clear();
    m_source->setItemText(m_source->findData(int(Source::Companion)), tr("Companion on %1").arg(site.name));
    render();
    CompanionChangelog::fetch(m_context.sites, site, m_fetch, [this](const Result<CompanionChangelog> &changelog) {
        m_fetch->deleteLater();
        m_fetch = nullptr;
        if (changelog) {
            m_companionMarkdown = changelog->markdown;
            m_companionVersion = changelog->version;
        } else {
            m_companionError = changelog.error().message;
        }
        render();
        Q_EMIT companionLoaded();
    });
}

void ChangelogPage::render()
{
    if (m_companionError.isEmpty()) {
        m_error->hide();
    } else {
        m_error->setText(tr("The changelog of the companion on %1 could not be loaded: %2").arg(m_site.name, m_companionError));
        m_error->show();
    }

    if (source() == Source::Console) {
        const QString markdown = consoleChangelog();
        if (markdown.isEmpty())
            m_view->setPlainText(tr("This build of the console has no changelog."));
        else
            m_view->setMarkdown(markdown);
        showInstalled(QLatin1String(build::version));
        return;
    }
    m_installed->clear();
    if (m_site.name.isEmpty())
        m_view->setPlainText(tr("Select a site to see the changelog of its companion."));
    else if (isLoading())
        m_view->setPlainText(tr("Loading the changelog of the companion on %1…").arg(m_site.name));
    else if (!m_companionError.isEmpty())
        m_view->setPlainText(tr("The companion's changelog is not available. The console's own changelog is under "
                                "“WorkOS Console”."));
    else {
        m_view->setMarkdown(m_companionMarkdown);
        showInstalled(m_companionVersion);
    }
}

// "Installed: 0.1.0", the version a link to its release when the changelog has one.
void ChangelogPage::showInstalled(const QString &version)
{
    const QString escaped = version.toHtmlEscaped();
    m_installed->setText(tr("Installed: %1").arg(markInstalled(version) ? QStringLiteral("<a href=\"#installed\">%1</a>").arg(escaped)
                                                                         : escaped));
}

// The release heading of the installed version ("## [0.1.0] - 2026-11-26") gets a tinted
// background and the word "installed", so it is found by eye and by a screen reader alike.
bool ChangelogPage::markInstalled(const QString &version)
{
    if (version.isEmpty())
        return false;
    const QRegularExpression heading(QStringLiteral("^\\[?%1\\]?(\\s|$)").arg(QRegularExpression::escape(version)));
    QTextDocument *document = m_view->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() != 2 || !heading.match(block.text()).hasMatch())
            continue;
        QTextCursor cursor(block);
        QTextBlockFormat format;
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(60);
        format.setBackground(tint);
        cursor.mergeBlockFormat(format);
        cursor.movePosition(QTextCursor::EndOfBlock);
        QTextCharFormat anchor = cursor.charFormat();
        anchor.setAnchor(true);
        anchor.setAnchorNames({QStringLiteral("installed")});
        cursor.insertText(tr(" — installed"), anchor);
        return true;
    }
    return false;
}

} // namespace workos::gui
