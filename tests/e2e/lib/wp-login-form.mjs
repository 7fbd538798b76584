// Filling WordPress's own login form (wp-login.php) without racing its autofocus script.
//
// wp-login.php prints `setTimeout(() => { user_login.focus(); user_login.select(); }, 200)`. When
// that timer fires while Playwright is typing the password, focus jumps back to the username and
// the password replaces it: the form is posted with an empty password and WordPress answers with
// its error page. So: wait for the timer to have run, fill both fields, and check what they hold.
import assert from 'node:assert/strict';

export async function fillWordPressLogin(page, user, password) {
  await page.waitForSelector('#user_login');
  // The timer focuses #user_login; an error page (no autofocus) never does, hence the short wait.
  await page.waitForFunction(() => document.activeElement?.id === 'user_login', null, { timeout: 1500 })
    .catch(() => {});
  await page.fill('#user_login', user);
  await page.fill('#user_pass', password);
  assert.equal(await page.inputValue('#user_login'), user, 'the username field holds the username');
  assert.equal(await page.inputValue('#user_pass'), password, 'the password field holds the password');
}

// Submits the filled form and waits for `url`; when WordPress answers with its form again, the
// failure names WordPress's own error message instead of a bare navigation timeout.
export async function submitWordPressLogin(page, url) {
  const landed = page.waitForURL(url).then(() => null, (error) => error);
  await page.click('#wp-submit');
  const error = await landed;
  if (error) {
    const message = await page.locator('#login_error').textContent({ timeout: 1000 }).catch(() => null);
    throw message ? new Error(`WordPress refused the sign-in: ${message.trim()}`) : error;
  }
}
