# Command-line messages (English for now; translations may follow).
