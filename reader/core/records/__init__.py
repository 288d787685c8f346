"""Plain dataclasses every layer shares: documents, annotations, tags, comparisons, entities, exports.

They sit at the bottom, below storage, and import nothing of ours but each other: storage returns them, services
pass them on, the window and the command line read them.
"""
