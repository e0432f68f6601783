package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeVersion is the version of npm's axe-core that .ci/run installs; keep
// the two in step.
const axeVersion = "4.14.1"

// axeTags are the rule sets axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

var (
	axeOnce sync.Once
	axeJS   string
	axePath string
	axeErr  error
	axeWarn sync.Once
)

// axeSource returns the text of axe.min.js: AXE_CORE_JS, else the copy
// .ci/run installs into .ci/node_modules. Without it the test is skipped,
// or fails in CI.
func axeSource(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		axePath = os.Getenv("AXE_CORE_JS")
		if axePath == "" {
			axePath = filepath.Join(root, ".ci", "node_modules", "axe-core", "axe.min.js")
		}
		var b []byte
		b, axeErr = os.ReadFile(axePath)
		axeJS = string(b)
	})
	if axeErr != nil {
		msg := fmt.Sprintf("axe-core not found (%v); run `npm install --prefix .ci axe-core@%s` in the repository root (or bash .ci/run, which installs it), or set AXE_CORE_JS to its axe.min.js", axeErr, axeVersion)
		if inCI() {
			t.Fatal(msg + "; CI (CI=true) must run the accessibility tests, and .ci/run installs axe-core")
		}
		t.Skip(msg)
	}
	return axeJS
}

// violation is one axe rule a page breaks.
type violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Nodes   int      `json:"nodes"`   // how many elements break it
	Targets []string `json:"targets"` // selectors of the first few
	Summary string   `json:"summary"` // axe's explanation for the first one
}

func (v violation) String() string {
	s := fmt.Sprintf("%s (%s): %s, on %d element(s): %s [%s]", v.ID, v.Impact, v.Help, v.Nodes, strings.Join(v.Targets, " | "), v.HelpURL)
	if v.Summary != "" {
		s += "\n      " + strings.ReplaceAll(v.Summary, "\n", "\n      ")
	}
	return s
}

// runAxe injects axe-core into the page the tab shows and returns the
// violations of axeTags. The source goes in through the DevTools protocol
// (Runtime.evaluate), which the page's CSP (script-src 'self') does not
// govern; TestHarnessCatchesProblems shows that it runs under that policy.
func runAxe(t testing.TB, tb *tab) []violation {
	t.Helper()
	src := axeSource(t)
	// The trailing expression keeps the evaluation's value small: the
	// script's own last value need not be sent back.
	eval[bool](t, tb, "inject axe-core", src+"\n;true")
	switch got := eval[string](t, tb, "read axe.version", `typeof axe === "object" ? axe.version : ""`); got {
	case "":
		t.Fatalf("%s: axe-core from %s did not load into the page", tb.page, axePath)
	case axeVersion:
	default:
		axeWarn.Do(func() { t.Logf("axe-core %s from %s, not %s as pinned in .ci/run", got, axePath, axeVersion) })
	}
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	return eval[[]violation](t, tb, "run axe-core", `axe.run(document, {
		runOnly: {type: "tag", values: `+tags+`},
		resultTypes: ["violations"]
	}).then(r => r.violations.map(v => ({
		id: v.id,
		impact: v.impact || "",
		help: v.help,
		helpUrl: v.helpUrl,
		nodes: v.nodes.length,
		targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
		summary: (v.nodes[0] && v.nodes[0].failureSummary) || ""
	})))`)
}

// axePages are the pages checked with axe-core, in each language of
// axeLangs: one of each kind, with ready, if set, a JavaScript condition to
// wait for before the check (for what a script adds after the load). Pages
// the site does not have yet are skipped and logged.
var axePages = []struct{ path, ready string }{
	{"", ""},
	{"current/", ""},
	{"people/", ""},
	{"people/sanavar-zakirova/", ""},
	{"changes/", ""},
	{"stats/", ""},
	{"search/", ""},
	{"search/?q=Zakirova", `(` + resultLinksJS + `).length > 0`}, // with its results
	{"data/", ""},
}

// axeLangs are the languages checked: English at the root and Russian.
// Kazakh shares the templates, so its pages differ only in words.
var axeLangs = []string{"en", "ru"}

// TestAccessibility runs axe-core's WCAG 2.0–2.2 A and AA rules on one page
// of each kind, in the light and the dark colour scheme (the site's CSS has
// a dark palette, so contrast must be checked in both), and fails with every
// violation: rule, impact, what it asks and where. Each language has its
// own tab; its pages run one after the other.
func TestAccessibility(t *testing.T) {
	s := getSite(t)
	axeSource(t)
	for _, lang := range axeLangs {
		prefix := lang + "/"
		if lang == s.langs[0] {
			prefix = ""
		}
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			for _, pg := range axePages {
				t.Run(subtest(pg.path), func(t *testing.T) {
					p := prefix + pg.path
					if !s.has(p) {
						t.Skipf("%s: the site has no such page yet", name(p))
					}
					for _, scheme := range []string{"light", "dark"} {
						// A fresh load in each scheme, so
						// that nothing of the other one (a
						// transition, a cached style) is left.
						tb.do(t, "emulate the "+scheme+" colour scheme", colorScheme(scheme))
						tb.openPage(t, p)
						if pg.ready != "" {
							if err := tb.try(chromedp.Poll[chromedp.Void](pg.ready, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
								t.Fatalf("%s: waited 5s for %s: %v", name(p), pg.ready, err)
							}
						}
						for _, v := range runAxe(t, tb) {
							fail(t, "axe "+name(p)+" "+v.ID, fmt.Sprintf("%s in the %s colour scheme breaks axe rule %s", name(p), scheme, v))
						}
					}
					stillKnown(t, "axe "+name(p))
					tb.check(t) // this page's console and requests, here
				})
			}
		})
	}
}
