"""The service assistant (智能客服): answers questions about the catalogue's
services in five languages, from the guides' own data (see ``dialogue``)."""
