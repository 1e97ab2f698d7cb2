"""What goes beside the audio: captions and transcripts, the read-along page, the EPUB."""
