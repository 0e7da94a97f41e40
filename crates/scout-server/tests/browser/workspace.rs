//! The workspace page: an admin adds a person, changes roles (never the
//! last admin away), makes an API key that is shown once and works, sees
//! its use, and revokes it; a recruiter is kept out.

use scout_store::Role;

use crate::harness::{self, all, find, text};
use crate::helpers::spawn_app;
use crate::search::{person, PASSWORD};

#[tokio::test]
async fn an_admin_manages_people_and_keys_and_no_one_else_can() {
    let app = spawn_app().await;
    person(&app, "acme", "boss@acme.test", Role::Admin).await;
    person(&app, "acme", "ada@acme.test", Role::Recruiter).await;
    let driver = harness::driver().await;
    let browser = harness::browser(&driver, 1280, 800).await;

    harness::sign_in(&browser, &app.address, "ada@acme.test", PASSWORD).await;
    assert!(all(&browser, "nav a[href='/workspace']").await.is_empty());
    browser
        .goto(&format!("{}/workspace", app.address))
        .await
        .unwrap();
    assert!(text(&browser).await.contains("for its admins"));
    find(&browser, "a[href='/']").await.click().await.unwrap();
    find(&browser, "header.topbar form button")
        .await
        .click()
        .await
        .unwrap();

    harness::sign_in(&browser, &app.address, "boss@acme.test", PASSWORD).await;
    find(&browser, "nav a[href='/workspace']")
        .await
        .click()
        .await
        .unwrap();
    find(&browser, "#people-title").await;
    // a new person
    find(&browser, "#invite-email")
        .await
        .send_keys("vic@acme.test")
        .await
        .unwrap();
    find(&browser, "#invite-role")
        .await
        .select_by_value("viewer")
        .await
        .unwrap();
    find(&browser, "#invite-password")
        .await
        .send_keys("a long first password")
        .await
        .unwrap();
    find(&browser, "form.invite button")
        .await
        .click()
        .await
        .unwrap();
    harness::wait_for_text(&browser, "vic@acme.test").await;
    // the only admin cannot step down
    let me = browser
        .execute("return [...document.querySelectorAll('tr')].find(r => r.textContent.includes('(you)')).querySelector('select').id", vec![])
        .await
        .unwrap();
    let me = me.as_str().unwrap().to_owned();
    find(&browser, &format!("#{me}"))
        .await
        .select_by_value("viewer")
        .await
        .unwrap();
    browser
        .execute(
            &format!("document.getElementById('{me}').form.submit()"),
            vec![],
        )
        .await
        .unwrap();
    harness::wait_for_text(&browser, "keeps at least one admin").await;

    // a key: shown once, works, counted, revoked
    find(&browser, "#key-name")
        .await
        .send_keys("ats-sync")
        .await
        .unwrap();
    find(&browser, "form.new-key-form button")
        .await
        .click()
        .await
        .unwrap();
    let key = find(&browser, "#new-key")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    assert!(key.starts_with("sk_"), "{key}");
    harness::screenshot(&browser, "workspace-1280").await;
    harness::assert_fits_the_width(&browser, "the workspace page").await;
    harness::assert_accessible(&browser, "workspace").await;
    let call = |k: String| {
        let url = format!("{}/v1/sourcings", app.address);
        async move {
            reqwest::Client::new()
                .get(url)
                .header("x-api-key", k)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(call(key.clone()).await, 200);
    assert_eq!(call(key.clone()).await, 200);
    browser
        .goto(&format!("{}/workspace", app.address))
        .await
        .unwrap();
    let page = text(&browser).await;
    assert!(
        page.contains("2 / 120"),
        "the key's use this minute: {page}"
    );
    assert!(!page.contains(&key), "the key is never shown again");
    browser
        .execute("[...document.querySelectorAll('tr')].find(r => r.textContent.includes('ats-sync')).querySelector('button').click()", vec![])
        .await
        .unwrap();
    harness::wait_for_text(&browser, "revoked").await;
    assert_eq!(call(key).await, 401);
    browser.close().await.unwrap();
}
