"""The built-in scenario library: YAML files beside this module, and their JSON Schema."""
