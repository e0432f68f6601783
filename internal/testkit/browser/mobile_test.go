package browser

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// phone is the viewport of the narrow-screen test: an iPhone X/11 Pro-sized
// screen, the narrowest in common use today.
var phone = struct{ width, height int64 }{375, 812}

// overflow is how far a page is wider than the viewport.
type overflow struct {
	Width       int      `json:"width"`       // window.innerWidth
	ScrollWidth int      `json:"scrollWidth"` // document.documentElement.scrollWidth
	Wide        []string `json:"wide"`        // elements that stick out, outermost first
}

// overflowJS measures the page and, when it is wider than the screen (its
// pixels), names the elements that stick out past the screen's right edge
// and are not inside a scrolling (or clipping) box, since those are what
// make the page scroll sideways or be zoomed out.
const overflowJS = `(() => {
	const screen = %d, width = window.innerWidth, sw = document.documentElement.scrollWidth;
	const wide = [];
	if (sw > screen || width > screen) {
		const clips = el => {
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				if (getComputedStyle(a).overflowX !== "visible") return true;
			}
			return false;
		};
		const describe = el => {
			let s = el.tagName.toLowerCase();
			if (!el.id && !el.classList.length && el.parentElement && el.parentElement !== document.body) {
				const p = el.parentElement;
				s = p.tagName.toLowerCase() + (p.id ? "#" + p.id : "") + Array.from(p.classList, c => "." + c).join("") + " > " + s;
			}
			if (el.id) s += "#" + el.id;
			for (const c of el.classList) s += "." + c;
			if (el.getAttribute("name")) s += "[name=" + el.getAttribute("name") + "]";
			if (el.tagName === "SELECT") return s;
			const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
			return s + (text ? " (" + JSON.stringify(text) + ")" : "");
		};
		const out = new Set();
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			// What a closed details holds is not shown (nor laid out
			// past it), only its summary.
			const folded = el.closest("details:not([open])");
			if (folded && !el.closest("summary") && el !== folded) continue;
			if (r.right <= screen + 0.5 || clips(el) || (el.parentElement && out.has(el.parentElement))) continue;
			out.add(el);
			wide.push(describe(el) + ": right edge at " + Math.round(r.right) + "px, " + Math.round(r.width) + "px wide");
		}
	}
	return {width, scrollWidth: sw, wide: wide.slice(0, 8)};
})()`

// measure reports how much the page the tab shows overflows its viewport.
func measure(t testing.TB, tb *tab) overflow {
	t.Helper()
	return eval[overflow](t, tb, "measure the page", fmt.Sprintf(overflowJS, phone.width))
}

// problem says what is wrong with o on a phone-wide viewport, or "".
func (o overflow) problem() string { return o.problemAt(int(phone.width)) }

// narrowPages are the pages checked on a phone, in every language.
var narrowPages = []string{"", "people/sanavar-zakirova/", "current/", "people/"}

// TestNarrowScreens opens pages on a 375×812 phone viewport and fails for
// each one that needs horizontal scrolling (scrollWidth > innerWidth),
// naming the elements that stick out.
func TestNarrowScreens(t *testing.T) {
	t.Parallel()
	s := getSite(t)
	tb := newTab(t)
	tb.do(t, "emulate a phone", chromedp.EmulateViewport(phone.width, phone.height, chromedp.EmulateMobile))
	for _, lang := range s.langs {
		prefix := lang + "/"
		if lang == s.langs[0] {
			prefix = ""
		}
		for _, p := range narrowPages {
			p := prefix + p
			t.Run(subtest(p), func(t *testing.T) {
				tb.openPage(t, p)
				if msg := measure(t, tb).problem(); msg != "" {
					fail(t, "narrow "+name(p), fmt.Sprintf("%s on a %d×%d phone: %s", name(p), phone.width, phone.height, msg))
				}
				stillKnown(t, "narrow "+name(p))
				tb.check(t) // this page's console and requests, here
			})
		}
	}
}
