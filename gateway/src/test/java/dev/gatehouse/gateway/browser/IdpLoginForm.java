package dev.gatehouse.gateway.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The login form of the test and demo identity provider (mock-oauth2-server): a user name, which becomes the
 * {@code sub} claim, optional claims as a JSON object, and a Sign-in button that posts the form and redirects back
 * to the gateway.
 */
public final class IdpLoginForm {
    private final Page page;

    public IdpLoginForm(Page page) {
        this.page = page;
    }

    /** The user name field; waiting for it to be visible is waiting for the form. */
    public Locator userName() {
        return page.locator("form input[name=username]");
    }

    /** Types the user name (and claims, unless null) as a person would and presses Sign-in. */
    public void signIn(String userName, String claimsJson) {
        userName().fill(userName);
        if (claimsJson != null) {
            page.locator("form textarea[name=claims]").fill(claimsJson);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign-in")).click();
    }
}
