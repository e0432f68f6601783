package content

// FastYAML is fastYAML, for the tests of package content_test.
var FastYAML = fastYAML
