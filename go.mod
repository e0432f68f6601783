module github.com/tizim/tizim

go 1.26.8

require (
	github.com/gosimple/slug v1.15.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/image v0.47.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/gosimple/unidecode v1.0.1 // indirect
	golang.org/x/text v0.43.0 // indirect
)
