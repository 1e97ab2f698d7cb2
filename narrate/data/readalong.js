(function () {
  "use strict";
  var audio = document.getElementById("audio");
  var speed = document.getElementById("speed");
  var cues = Array.prototype.slice.call(document.querySelectorAll(".s[data-start]"));
  var starts = cues.map(function (el) { return parseFloat(el.getAttribute("data-start")); });
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var current = -1;
  var frame = 0;
  if (!audio || !cues.length) { return; }

  // The last cue that has started at time t (the one being read, or the one just read).
  function indexAt(t) {
    var lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= t + 0.001) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function inView(el) {
    var box = el.getBoundingClientRect();
    var player = document.querySelector(".player");
    var top = player ? player.getBoundingClientRect().bottom : 0;
    return box.top >= top && box.bottom <= window.innerHeight;
  }

  // Only the current sentence is in the tab order (roving tabindex), so Tab lands on it.
  function mark(i, scroll) {
    if (i === current) { return; }
    var old = cues[current] || cues[0];
    old.removeAttribute("aria-current");
    old.tabIndex = -1;
    current = i;
    var el = cues[Math.max(i, 0)];
    el.tabIndex = 0;
    if (i < 0) { return; }
    el.setAttribute("aria-current", "true");
    if (scroll && !inView(el)) {
      el.scrollIntoView({ block: "center", behavior: reduceMotion.matches ? "auto" : "smooth" });
    }
  }

  function follow() { mark(indexAt(audio.currentTime), !audio.paused); }

  function tick() {
    follow();
    frame = audio.paused ? 0 : window.requestAnimationFrame(tick);
  }

  function seek(i, focus) {
    i = Math.min(Math.max(i, 0), cues.length - 1);
    audio.currentTime = starts[i];
    mark(i, true);
    if (focus) { cues[i].focus({ preventScroll: true }); }
  }

  function toggle() {
    if (audio.paused) {
      var playing = audio.play();
      if (playing && playing.catch) { playing.catch(function () {}); }
    } else {
      audio.pause();
    }
  }

  function setSpeed() {
    var rate = parseFloat(speed.value) || 1;
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
  }

  cues[0].tabIndex = 0;
  cues.forEach(function (el, i) {
    el.addEventListener("click", function () {
      var selection = window.getSelection();
      if (selection && !selection.isCollapsed) { return; } // the reader is selecting text
      seek(i, false);
    });
  });

  audio.addEventListener("timeupdate", follow);
  audio.addEventListener("seeked", follow);
  audio.addEventListener("play", function () { if (!frame) { frame = window.requestAnimationFrame(tick); } });
  audio.addEventListener("loadedmetadata", setSpeed);
  if (speed) { speed.addEventListener("change", setSpeed); }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "AUDIO" ||
        tag === "BUTTON" || (target && target.isContentEditable)) { return; }
    var onSentence = target && target.classList && target.classList.contains("s");
    if (event.key === "Enter" && onSentence) {
      seek(cues.indexOf(target), true);
    } else if (event.key === " " && tag !== "A") {
      toggle();
    } else if (event.key === "ArrowRight") {
      seek(current + 1, onSentence);
    } else if (event.key === "ArrowLeft") {
      seek(current < 0 ? 0 : current - 1, onSentence);
    } else {
      return;
    }
    event.preventDefault();
  });

  follow();
})();
