"""The screens of the review app: the review itself and the views it opens."""
