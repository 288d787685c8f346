"""Entity panels: the register and the mentions of one entity."""
