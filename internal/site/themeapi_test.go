package site

import "testing"

// TestThemeAPIIsThePage holds ThemeAPI to Page: every name is one of
// Page's, once, with its line of documentation, and every exported field
// and method of Page is either in it or kept for Go code, so that a new
// one is a decision.
func TestThemeAPIIsThePage(t *testing.T) {
	seen := make(map[string]bool)
	for _, n := range ThemeAPI {
		if _, ok := memberType(pageType, n.Name); !ok {
			t.Errorf("ThemeAPI has %s, which Page does not: rename it there, in docs/theme.md and in the templates", n.Name)
		}
		if seen[n.Name] {
			t.Errorf("ThemeAPI has %s twice", n.Name)
		}
		seen[n.Name] = true
		if n.Doc == "" {
			t.Errorf("ThemeAPI: %s has no documentation", n.Name)
		}
		if _, ok := goOnly[n.Name]; ok {
			t.Errorf("%s is both in ThemeAPI and for Go code only", n.Name)
		}
	}
	for name := range goOnly {
		if _, ok := memberType(pageType, name); !ok {
			t.Errorf("goOnly has %s, which Page does not", name)
		}
	}
	for _, name := range members(pageType) {
		if _, ok := goOnly[name]; !ok && !seen[name] {
			t.Errorf("Page has %s, which is neither in ThemeAPI (with docs/theme.md) nor in goOnly", name)
		}
	}
	if len(ThemeAPI) < 60 {
		t.Errorf("ThemeAPI has only %d names", len(ThemeAPI))
	}
}
