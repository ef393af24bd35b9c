# The procedure model: labels of step fields shown to people.
procedure-warning-label = WARNING
