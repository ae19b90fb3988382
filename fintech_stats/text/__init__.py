"""Reading numbers out of text: the quantity parser, the number scanner, the named repairs of
damaged literals, and the tokenizer that search and the site share.  Imports `model`.
"""
