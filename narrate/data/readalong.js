(function () {
  "use strict";
  var audio = document.getElementById("audio");
  var speed = document.getElementById("speed");
  var cues = Array.prototype.slice.call(document.querySelectorAll(".s[data-start]"));
  var starts = cues.map(function (el) { return parseFloat(el.getAttribute("data-start")); });
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var current = -1;
  var words = [], wordStarts = [], word = -1; // the words of the current sentence, if timed
  var frame = 0;
  if (!audio || !cues.length) { return; }

  // The last of the start times that has come at time t (-1: none yet).
  function lastStarted(times, t) {
    var lo = 0, hi = times.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (times[mid] <= t + 0.001) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  // The word being read is underlined within its sentence: a visual aid only, so nothing is
  // announced to screen readers, which follow the sentence.
  function markWord(t) {
    var i = current < 0 ? -1 : lastStarted(wordStarts, t);
    if (i === word) { return; }
    if (words[word]) { words[word].classList.remove("now"); }
    word = i;
    if (words[word]) { words[word].classList.add("now"); }
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
    if (words[word]) { words[word].classList.remove("now"); }
    current = i;
    words = i < 0 ? [] : Array.prototype.slice.call(cues[i].querySelectorAll(".w[data-t]"));
    wordStarts = words.map(function (el) { return parseFloat(el.getAttribute("data-t")); });
    word = -1;
    var el = cues[Math.max(i, 0)];
    el.tabIndex = 0;
    if (i < 0) { return; }
    el.setAttribute("aria-current", "true");
    if (scroll && !inView(el)) {
      el.scrollIntoView({ block: "center", behavior: reduceMotion.matches ? "auto" : "smooth" });
    }
  }

  function follow() {
    mark(lastStarted(starts, audio.currentTime), !audio.paused);
    markWord(audio.currentTime);
  }

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
