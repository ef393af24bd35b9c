# El modelo de procedimiento: etiquetas de campos de un paso.
procedure-warning-label = ADVERTENCIA
