//! The sign-in page.

use maud::{html, Markup};

use super::frame;

/// The form, with what was typed kept and the reason it failed, if any.
pub(crate) fn page(form_token: &str, email: &str, next: &str, problem: Option<&str>) -> Markup {
    frame(
        "Sign in",
        None,
        html! {
            section.sign-in {
                h1 { "Sign in to Scout" }
                form method="post" action="/sign-in" novalidate {
                    input type="hidden" name="_csrf" value=(form_token);
                    input type="hidden" name="next" value=(next);
                    @if let Some(p) = problem {
                        p.problem role="alert" id="sign-in-problem" { (p) }
                    }
                    label for="email" { "E-mail" }
                    input #email type="email" name="email" value=(email) autocomplete="username" required autofocus[email.is_empty()]
                        aria-describedby=[problem.map(|_| "sign-in-problem")];
                    label for="password" { "Password" }
                    input #password type="password" name="password" autocomplete="current-password" required autofocus[!email.is_empty()];
                    button.primary type="submit" { "Sign in" }
                }
                p.hint { "No account? An administrator of your workspace creates one with " code { "scout users create" } "." }
            }
        },
    )
}
