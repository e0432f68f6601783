// Package browser holds tizim's browser tests: they build the shipped site,
// serve it on 127.0.0.1 under the path of its base_url and drive a headless
// Chromium through the DevTools protocol (github.com/chromedp/chromedp).
//
// The tests check what only a browser can: that every page loads without a
// console error, an exception or a Content-Security-Policy violation and
// without a request to another host; that axe-core finds no WCAG 2.x A/AA
// violation in light and dark colour schemes; that the filters and sorting
// of the tables work with JavaScript and that the pages work without it; that
// narrow screens need no horizontal scrolling; and, once the site has a
// search page, that search finds people by any spelling of their name.
//
// Failures found when the tests were written, to be fixed outside this
// package, are listed in knownIssues (known_test.go): they are logged rather
// than failed until fixed, and an entry that no longer happens fails.
//
// The package has no code of its own beyond this comment; everything is in
// its _test.go files. Run them with
//
//	go test ./internal/browser/
//
// They need Chromium (found through CHROME_PATH, else chromium,
// chromium-browser, google-chrome or google-chrome-stable on PATH) and, for
// the accessibility test, axe-core from npm (AXE_CORE_JS, else
// .ci/node_modules/axe-core/axe.min.js, which .ci/run installs). Without
// them the tests skip and say what to install, except in CI (CI=true), where
// a missing tool is a failure.
package browser
