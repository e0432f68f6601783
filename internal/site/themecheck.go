package site

import (
	"errors"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
	"unicode"
	"unicode/utf8"

	"github.com/tizim/tizim/internal/content"
)

// The check of the theme's interface reads the parse trees of the page
// templates, follows the page from "base" (and from the fragments Go
// renders) into every template it is passed to, and checks every chain of
// fields and methods that starts at the page:
//
//   - the first name after the page must be in ThemeAPI, and, in a
//     fragment rendered once for many pages, be the same on all of them
//     (its Scope);
//   - each further name must be an exported field or method of the Go
//     type the name before it gives (docs/theme.md lists them), up to a
//     map or an interface, whose contents it does not follow.
//
// The page is the dot of "base" and of every template called with it,
// "$" in those templates, and every variable set to it ({{$pg := .}}).
// A variable set to what a chain gives ({{$p := .Person}}), and a
// template called with it or with a dict of such values, are checked by
// the same rule. The check does not type the rest of a template: inside
// range and with the dot is something else, which only rendering checks,
// so there only chains from "$" or a variable are checked here.

// view is what the check knows of a value in a template: its Go type, or
// for a map made by dict (or given by Go), the values of its keys. The
// zero view knows nothing, as of the dot inside range and with.
type view struct {
	typ  reflect.Type
	keys map[string]view // a map's values by key; nil unless a map
	frag *fragment       // the fragment being rendered, nil on a page of its own
	// quiet: the value is the dot inside with or range, which the check
	// types only to know what the templates use (see checker.used), and
	// reports nothing about, as the rules above say.
	quiet bool
	// ownGroup: the value is the page's own group (.Group), whose members
	// are recorded as "Page.Group.<name>", not as any group's, so that a
	// group's page that shows its own people is keyed by them alone (see
	// Site.groupKey), and one that shows another group's is not.
	ownGroup bool
}

// known reports whether the view tells anything to check.
func (v view) known() bool { return v.typ != nil || len(v.keys) > 0 }

// key identifies the view, so that a template is checked once for each
// different thing it is given.
func (v view) key() string {
	var b strings.Builder
	if v.typ != nil {
		b.WriteString(v.typ.String())
	}
	if v.frag != nil {
		b.WriteString("@" + v.frag.name)
	}
	if v.quiet {
		b.WriteString("~")
	}
	if v.ownGroup {
		b.WriteString("=") // the page's group: its members are recorded apart
	}
	if v.keys != nil {
		b.WriteString("{")
		for _, k := range slices.Sorted(maps.Keys(v.keys)) {
			b.WriteString(k + ":" + v.keys[k].key() + ";")
		}
		b.WriteString("}")
	}
	return b.String()
}

// pageView is the page, as a page of its own when frag is nil.
func pageView(frag *fragment) view { return view{typ: pageType, frag: frag} }

// typeView is a value of type T in the fragment page is rendered in.
func typeView[T any](page view) view { return view{typ: reflect.TypeFor[T](), frag: page.frag} }

// dictView is a map with the given values, such as dict makes.
func dictView(keys map[string]view) view {
	known := make(map[string]view)
	for k, v := range keys {
		if v.known() {
			known[k] = v
		}
	}
	return view{keys: known}
}

// checkTemplates checks that the page templates use of the page only the
// theme's interface (ThemeAPI), each name where it means something, and
// that every page template defines "main". It returns every problem as
// a [content.ErrorList], at the template's file, line and column.
func (th *Theme) checkTemplates() error {
	var errs content.ErrorList
	shows := make(map[string]bool) // page template -> shows the text of events
	seen := make(map[string]bool)
	for _, name := range pageTemplates {
		c := th.newChecker(name)
		c.report = func(e *content.Error) {
			if !seen[e.Error()] { // base.html is in every set
				seen[e.Error()] = true
				errs = append(errs, e)
			}
		}
		c.checkMain(name)
		c.enqueue("base", pageView(nil))
		for i := range fragments {
			if f := &fragments[i]; f.set == name {
				c.enqueue(f.name, f.data(pageView(f)))
			}
		}
		c.run()
		shows[name] = readsTexts(c.used)
		switch name {
		case "person.html":
			th.personReads = readsOf(c.used)
		case "changes.html":
			th.changeUsed = c.used
			th.changeReads = readsOf(without(c.used, changeNames))
		case "group.html":
			th.groupReads = readsOf(without(c.used, groupNames))
		}
	}
	// What the row of a table of people reads, alone, for the keys of
	// rows (see Page.PersonRow).
	for _, f := range fragments {
		if f.name == "person-row" {
			c := th.newChecker(f.set)
			c.report = func(*content.Error) {}
			c.enqueue(f.name, f.data(pageView(&f)))
			c.run()
			th.rowReads = readsOf(c.used)
			rowTexts := readsTexts(c.used)
			th.factsOnly = make(map[string]bool)
			for name, texts := range shows {
				if !texts && !rowTexts {
					th.factsOnly[name] = true
				}
			}
		}
	}
	return errs.Err()
}

// newChecker returns a checker of the set of page template name, which
// reports through its report field.
func (th *Theme) newChecker(name string) *checker {
	return &checker{th: th, set: th.tmpl[name], done: make(map[string]bool), views: make(map[string]int), used: make(map[string]bool)}
}

// checker checks the templates of one page template's set.
type checker struct {
	th     *Theme
	set    *template.Template
	report func(*content.Error)
	done   map[string]bool // template and view key: checked or queued
	views  map[string]int  // template -> how many views it is checked with
	queue  []queued
	// what the template being checked is: its tree, for places, and
	// the variables it assigns anew ({{$x = ...}}), which the check
	// does not follow.
	tree     *parse.Tree
	assigned map[string]bool
	// used are the names the templates use after a value: "Page.Title",
	// "register.Person.Name", or "?Name" where the value's type is not
	// known, for the keys of pages (see readsOf).
	used map[string]bool
}

// queued is a template to check with what it is given.
type queued struct {
	name string
	data view
}

// maxViews is how many different things one template is checked with at
// most: a template that calls itself with a dict of what it was given
// would otherwise be given a new thing each time.
const maxViews = 16

// vars are the variables of a template in scope, and what they hold.
type vars map[string]view

func (c *checker) enqueue(name string, data view) {
	// A template given what the check does not know is still read once,
	// for the names it uses (see used); with nothing known, it reports
	// nothing.
	k := name + "\x00" + data.key()
	if c.done[k] || c.views[name] >= maxViews {
		return
	}
	c.done[k] = true
	c.views[name]++
	c.queue = append(c.queue, queued{name, data})
}

func (c *checker) run() {
	for len(c.queue) > 0 {
		q := c.queue[0]
		c.queue = c.queue[1:]
		t := c.set.Lookup(q.name)
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			continue // rendering says that a template is missing
		}
		c.tree = t.Tree
		c.assigned = assignedVars(t.Tree.Root)
		c.list(t.Tree.Root, q.data, vars{"$": q.data})
	}
}

// checkMain reports a page template that defines no "main" while base.html
// has one to fill: its pages would show only the header and footer.
func (c *checker) checkMain(name string) {
	main := c.set.Lookup("main")
	if main == nil || main.Tree == nil || main.Tree.ParseName == name {
		return
	}
	file := c.set.Lookup(name)
	if file == nil || file.Tree == nil {
		return
	}
	c.tree = file.Tree
	var defined []string
	pos := parse.Pos(0)
	for _, t := range c.set.Templates() {
		if t.Tree != nil && t.Tree.ParseName == name && t.Name() != name {
			defined = append(defined, t.Name())
		}
	}
	msg := fmt.Sprintf(`%s defines no "main", so its pages would show only the site's header and footer; a page template writes its content in {{define "main"}}...{{end}}`, name)
	if meant := closest("main", defined); meant != "" {
		msg += fmt.Sprintf(` (it defines %q: did you mean "main"?)`, meant)
		t := c.set.Lookup(meant).Tree
		c.tree, pos = t, t.Root.Position()
	}
	c.errorf(pos, "%s", msg)
}

// list checks the nodes of l, whose declarations add to v.
func (c *checker) list(l *parse.ListNode, dot view, v vars) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			out := c.pipe(n.Pipe, dot, v, false)
			if len(n.Pipe.Decl) == 0 {
				c.shown(out)
			}
		case *parse.IfNode:
			c.ifBranch(&n.BranchNode, dot, v)
		case *parse.WithNode:
			c.branch(&n.BranchNode, dot, v, false)
		case *parse.RangeNode:
			c.branch(&n.BranchNode, dot, v, true)
		case *parse.TemplateNode:
			data := view{}
			if n.Pipe != nil {
				data = c.pipe(n.Pipe, dot, v, false)
			}
			c.enqueue(n.Name, data)
		case *parse.ListNode:
			c.list(n, dot, v)
		}
	}
}

// branch checks an if, with or range: its pipeline, its body with inner
// as the dot, and its else with the dot it had. Variables declared in
// it end with it.
func (c *checker) ifBranch(b *parse.BranchNode, dot view, v vars) {
	scope := maps.Clone(v)
	c.pipe(b.Pipe, dot, scope, false)
	c.list(b.List, dot, maps.Clone(scope))
	c.list(b.ElseList, dot, maps.Clone(scope))
}

// branch checks a with or range: inside it the dot is what the pipeline
// gives (with) or its elements (range), known only quietly (see
// view.quiet).
func (c *checker) branch(b *parse.BranchNode, dot view, v vars, isRange bool) {
	scope := maps.Clone(v)
	got := c.pipe(b.Pipe, dot, scope, isRange)
	inner := view{}
	if got.typ != nil {
		inner = view{typ: got.typ, frag: got.frag, quiet: true, ownGroup: got.ownGroup && !isRange}
		if isRange {
			inner.typ = elemType(got.typ)
		}
	} else if got.keys != nil && !isRange {
		inner = got
		inner.quiet = true
	}
	c.list(b.List, inner, maps.Clone(scope))
	c.list(b.ElseList, dot, maps.Clone(scope))
}

// elemType is the type of the elements range gives of a value of type t,
// or nil.
func elemType(t reflect.Type) reflect.Type {
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return t.Elem()
	case reflect.Pointer:
		if t.Elem().Kind() == reflect.Array {
			return t.Elem().Elem()
		}
	}
	return nil
}

// pipe checks a pipeline and returns what it gives, declaring its
// variables in v; a range's variables hold elements, which it does not
// follow.
func (c *checker) pipe(p *parse.PipeNode, dot view, v vars, isRange bool) view {
	if p == nil {
		return view{}
	}
	var out view // what the last command gives
	for i, cmd := range p.Cmds {
		var piped *view // what the command before gives, as the last argument
		if i > 0 {
			piped = &out
		}
		out = c.command(cmd, dot, v, piped)
	}
	for i, d := range p.Decl {
		name := d.Ident[0]
		switch {
		case c.assigned[name]:
			v[name] = view{}
		case isRange && out.typ != nil:
			// The element (and before it the index or key), known
			// quietly, as the dot inside a range is (see branch).
			t := elemType(out.typ)
			if len(p.Decl) == 2 && i == 0 {
				t = indexType(out.typ)
			}
			v[name] = view{}
			if t != nil {
				v[name] = view{typ: t, frag: out.frag, quiet: true}
			}
		case isRange || len(p.Decl) > 1:
			v[name] = view{}
		default:
			v[name] = out
		}
	}
	return out
}

// indexType is the type of the index or key range gives with each element
// of a value of type t, or nil.
func indexType(t reflect.Type) reflect.Type {
	switch t.Kind() {
	case reflect.Map:
		return t.Key()
	case reflect.Slice, reflect.Array, reflect.Pointer:
		if elemType(t) != nil {
			return reflect.TypeFor[int]()
		}
	}
	return nil
}

// command checks the arguments of a command and returns what it gives
// when its first is the page, a chain from it, or dict.
func (c *checker) command(cmd *parse.CommandNode, dot view, v vars, piped *view) view {
	results := make([]view, len(cmd.Args))
	lastAPI := make([]string, len(cmd.Args))
	for i, a := range cmd.Args {
		results[i], lastAPI[i] = c.arg(a, dot, v)
	}
	if len(cmd.Args) == 0 {
		return view{}
	}
	// The arguments after the first, and what the pipeline passes on, as
	// a function or method gets them: what it may turn into text.
	var args []view
	for i := 1; i < len(cmd.Args); i++ {
		if literal(cmd.Args[i]) {
			args = append(args, plainView)
		} else {
			args = append(args, results[i])
		}
	}
	if piped != nil {
		args = append(args, *piped)
	}
	if api := lastAPI[0]; api != "" {
		if m, ok := pageType.MethodByName(api); ok {
			for i, a := range args {
				if paramType(m.Type, i+1).Kind() == reflect.Interface {
					c.shown(a) // T, Strong, Local, Link: any value, made text
				}
			}
		}
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		switch id.Ident {
		case "dict":
		case "print", "printf", "println", "html", "js", "urlquery":
			for _, a := range args {
				c.shown(a)
			}
			return view{typ: reflect.TypeFor[string](), quiet: true}
		case "len", "eq", "ne", "lt", "le", "gt", "ge", "not", "inc":
			return plainView
		case "list":
			return view{typ: reflect.TypeFor[[]string](), quiet: true}
		case "and", "or":
			// One of the arguments: plain if each is.
			for _, a := range args {
				if a.typ == nil || holdsEvent(a.typ) {
					return view{}
				}
			}
			return plainView
		default: // index, slice, call: in one of the arguments
			return view{}
		}
	}
	if lastAPI[0] == "Shared" && len(cmd.Args) > 1 {
		// .Shared "name" renders template name as a fragment.
		if s, ok := cmd.Args[1].(*parse.StringNode); ok {
			f := sharedFragment(s.Text)
			c.enqueue(s.Text, pageView(&f))
		}
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "dict" {
		keys := make(map[string]view)
		for i := 1; i+1 < len(cmd.Args); i += 2 {
			if k, ok := cmd.Args[i].(*parse.StringNode); ok {
				keys[k.Text] = results[i+1]
				if literal(cmd.Args[i+1]) {
					keys[k.Text] = plainView
				}
			}
		}
		return dictView(keys)
	}
	if _, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return view{} // a function's result
	}
	return results[0]
}

// arg checks an argument and returns what it gives, and the name of the
// theme's interface it ends in, if any.
func (c *checker) arg(n parse.Node, dot view, v vars) (view, string) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot, ""
	case *parse.FieldNode:
		// The parser places a chain of several fields at its second.
		start := int(n.Position())
		if len(n.Ident) > 1 {
			start -= 1 + len(n.Ident[0])
		}
		return c.chain(dot, "", n.Ident, start)
	case *parse.VariableNode:
		start := int(n.Position())
		if len(n.Ident) > 1 {
			start -= len(n.Ident[0])
		}
		root := v[n.Ident[0]] // the zero view for one the check does not follow
		return c.chain(root, n.Ident[0], n.Ident[1:], start+len(n.Ident[0]))
	case *parse.ChainNode:
		base, _ := c.arg(n.Node, dot, v)
		text := n.Node.String()
		if _, ok := n.Node.(*parse.PipeNode); ok {
			text = "(" + text + ")"
		}
		return c.chain(base, text, n.Field, int(n.Position()))
	case *parse.PipeNode:
		return c.pipe(n, dot, v, false), ""
	}
	return view{}, ""
}

// chain checks the names of a chain from root, written as text, whose
// first name's dot is at byte at of the template's file. It returns what
// the chain gives, and its last name when that is one of ThemeAPI.
func (c *checker) chain(root view, text string, names []string, at int) (view, string) {
	cur, last := root, ""
	for i, name := range names {
		pos := parse.Pos(at)
		at += 1 + len(name)
		prefix := text
		text += "." + name
		last = ""
		switch {
		case cur.keys != nil:
			next, ok := cur.keys[name]
			if !ok {
				c.useUnknown(names[i+1:])
				return view{}, ""
			}
			cur = next
		case cur.typ == pageType:
			c.used["Page."+name] = true
			if i == len(names)-1 {
				c.used["Page."+name+"$"] = true // the value itself goes on
			}
			e, ok := themeAPI[name]
			if !ok {
				if !cur.quiet {
					c.notInAPI(pos, prefix, name)
				}
				c.useUnknown(names[i:])
				return view{}, ""
			}
			if f := cur.frag; f != nil && e.Scope < f.scope && !cur.quiet {
				c.errorf(pos, "%s cannot be used in template %q: it is rendered %s, so it does not know which page it is on; see \"Shared fragments\" in docs/theme.md for what it may use", text, f.name, f.shared)
			}
			cur, last = view{typ: e.typ, frag: cur.frag, quiet: cur.quiet, ownGroup: name == "Group"}, name
		case cur.typ != nil:
			t := cur.typ
			if k := indirect(t).Kind(); k == reflect.Interface || k == reflect.Map {
				c.useUnknown(names[i:])
				return view{}, "" // what it holds is known when the page renders
			}
			if cur.ownGroup {
				c.used["Page.Group."+name] = true
			} else {
				c.used[indirect(t).String()+"."+name] = true
			}
			next, ok := memberType(t, name)
			if !ok {
				if !cur.quiet {
					c.errorf(pos, "%s: %s has no field or method %s%s; docs/theme.md lists what each type has", text, t, name, suggestion(prefix, name, members(t)))
				}
				c.useUnknown(names[i:])
				return view{}, ""
			}
			if next == nil {
				c.useUnknown(names[i+1:])
				return view{}, ""
			}
			cur = view{typ: next, frag: cur.frag, quiet: cur.quiet}
		default:
			c.useUnknown(names[i:])
			return view{}, ""
		}
	}
	return cur, last
}

// useUnknown records names used after a value of a type the check does
// not know.
func (c *checker) useUnknown(names []string) {
	for _, n := range names {
		c.used["?"+n] = true
	}
}

// indirect is the type a pointer of type t points to, or t.
func indirect(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t.Elem()
	}
	return t
}

// notInAPI reports name, used on the page written as prefix, which is not
// in ThemeAPI.
func (c *checker) notInAPI(pos parse.Pos, prefix, name string) {
	text := prefix + "." + name
	if why, ok := goOnly[name]; ok {
		c.errorf(pos, "%s is for tizim's Go code, not for templates: %s", text, why)
		return
	}
	hint := suggestion(prefix, name, apiNames())
	if r, _ := utf8.DecodeRuneInString(name); hint == "" && unicode.IsLower(r) {
		hint = " (a name that begins with a small letter is tizim's own)"
	}
	c.errorf(pos, "%s is not part of the theme's interface; a template may use the fields and methods listed in docs/theme.md%s", text, hint)
}

// errorf reports a problem at byte pos of the file of the template being
// checked, placed as the template errors of rendering are.
func (c *checker) errorf(pos parse.Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	loc, _ := c.tree.ErrorContext(&parse.TextNode{Pos: pos})
	placed := c.th.placeError(fmt.Errorf("template: %s: %s", loc, msg), "")
	var list content.ErrorList
	if !errors.As(placed, &list) {
		// A name placeError cannot read: the file, at least.
		c.report(&content.Error{Path: "templates/" + c.tree.ParseName, Msg: msg})
		return
	}
	for _, e := range list {
		e.Err = nil // the message is the whole of it
		c.report(e)
	}
}

// assignedVars returns the variables that a template assigns anew
// ({{$x = ...}}): what they hold depends on the path rendering takes.
func assignedVars(root parse.Node) map[string]bool {
	out := make(map[string]bool)
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, m := range n.Nodes {
					walk(m)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.IfNode:
			walk(&n.BranchNode)
		case *parse.WithNode:
			walk(&n.BranchNode)
		case *parse.RangeNode:
			walk(&n.BranchNode)
		case *parse.BranchNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, d := range n.Decl {
				if n.IsAssign {
					out[d.Ident[0]] = true
				}
			}
			for _, cmd := range n.Cmds {
				walk(cmd)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
		}
	}
	walk(root)
	return out
}

// suggestion returns " (did you mean prefix.X?)" for the name of names
// closest to name, when it is close enough to be a slip.
func suggestion(prefix, name string, names []string) string {
	if meant := closest(name, names); meant != "" {
		return fmt.Sprintf(" (did you mean %s.%s?)", prefix, meant)
	}
	return ""
}

// closest returns the word of words nearest to s, ignoring case, when it
// is near enough to be a slip: one edit away for a name of up to four
// letters, two for a longer one (a swap of two letters is one edit).
func closest(s string, words []string) string {
	limit := 1
	if len([]rune(s)) > 4 {
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, w := range words {
		if d := editDistance(strings.ToLower(s), strings.ToLower(w)); d < bestDist {
			best, bestDist = w, d
		}
	}
	return best
}

// editDistance is the number of edits (a rune inserted, deleted or
// replaced, or two neighbours swapped) that make a into b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// plainView is what a literal or a function such as len or eq gives: a
// value that holds no content of its own.
var plainView = view{typ: reflect.TypeFor[bool](), quiet: true}

// literal reports whether n is a constant written in the template.
func literal(n parse.Node) bool {
	switch n.(type) {
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return true
	}
	return false
}

// paramType is the type of the i-th parameter of the method type m (the
// receiver is the 0th), the element type for the variadic ones.
func paramType(m reflect.Type, i int) reflect.Type {
	n := m.NumIn()
	if m.IsVariadic() && i >= n-1 {
		return m.In(n - 1).Elem()
	}
	if i >= n {
		return reflect.TypeFor[int]() // a mistake the check reports elsewhere
	}
	return m.In(i)
}

// shown records that the templates turn a value into text: printed, or
// given to print, printf, T, Strong or another function that takes any
// value. A value that may hold an event (or that the check cannot type)
// may show its text, which the keys of list pages leave out (see
// readsTexts).
func (c *checker) shown(v view) {
	if v.typ == nil || holdsEvent(v.typ) {
		c.used["event$"] = true
	}
}

// holdsEvent reports whether a value of type t may hold a content.Event.
func holdsEvent(t reflect.Type) bool {
	return holds(t, reflect.TypeFor[content.Event](), make(map[reflect.Type]bool))
}

func holds(t, target reflect.Type, seen map[reflect.Type]bool) bool {
	if t == target {
		return true
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holds(t.Elem(), target, seen)
	case reflect.Map:
		return holds(t.Key(), target, seen) || holds(t.Elem(), target, seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if holds(t.Field(i).Type, target, seen) {
				return true
			}
		}
	case reflect.Interface, reflect.Func, reflect.Chan:
		return true // anything
	}
	return false
}
