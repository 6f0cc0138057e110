rm -rf Rules/*
