package content

import "go.yaml.in/yaml/v3"

// testArena is used again by every call of FastYAML, as the loader uses
// its arenas, so that the tests see nodes left from an earlier file.
var testArena = new(yamlArena)

// FastYAML is fastYAML, for the tests of package content_test. Its nodes
// are good until the next call.
func FastYAML(data []byte) *yaml.Node {
	testArena.reset()
	return fastYAML(data, testArena)
}

// PlainTag is plainTag, for TestPlainTag.
var PlainTag = plainTag
