# headless: the pipeline without a window, for batch runs over a video, an image or a folder.
# Use: ./mirror --headless --source clip.mp4 --out clip.jsonl
include pipeline
