#pragma once

#include "wizard/CheckedPage.h"

class QLabel;

namespace workos::gui {

// Step 8: everything collected, then Apply: the only step that writes — the console's profile
// and keychain, WorkOS (a new organization), the site — all of it or, on failure or Cancel,
// none of it.
class SummaryPage : public CheckedPage
{
    Q_OBJECT
public:
    explicit SummaryPage(OnboardingWizard *wizard);

    void initializePage() override;

protected:
    void check() override;

private:
    QLabel *m_summary;
};

} // namespace workos::gui
