// The listening page. Every text from an article or the server goes in with textContent or
// setAttribute, never as markup. The read-along follows narrate/data/readalong.js (the
// sentence highlighted, the word underlined, a click or the arrow keys to move), but here the
// cues arrive while the narration is being made.
(function () {
  "use strict";
  function $(id) { return document.getElementById(id); }
  var audio = $("audio"), speed = $("speed"), statusLine = $("status"), form = $("listen-form");
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var job = null;          // the narration playing: {id, done, whole, sentences, starts, ...}
  var current = -1, word = -1, words = [], wordStarts = [], frame = 0, lastSaved = 0;

  function say(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  function api(path, options) {
    var settings = Object.assign({ credentials: "same-origin", headers: { "Content-Type": "application/json" } }, options || {});
    return fetch(path, settings).then(function (response) {
      if (response.status === 204) { return null; }
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var error = new Error(typeof body.detail === "string" ? body.detail : "the server answered " + response.status);
          error.status = response.status;
          throw error;
        }
        return body;
      });
    });
  }

  function clock(seconds) {
    seconds = Math.round(seconds || 0);
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }

  // ---- the article and its sentences ----

  function render(data) {
    var body = $("article-body"), blocks = data.blocks, segments = data.segments;
    body.textContent = "";
    $("article").setAttribute("lang", data.language || "en");
    var places = [], list = null, intro = [];
    blocks.forEach(function (block) {
      var el;
      if (block.kind === "heading") { el = element("h4"); list = null; body.appendChild(el); }
      else if (block.kind === "list_item") {
        if (!list) { list = element("ul"); body.appendChild(list); }
        el = element("li"); list.appendChild(el);
      } else if (block.kind === "quote") {
        var quote = element("blockquote"); el = element("p"); quote.appendChild(el);
        body.appendChild(quote); list = null;
      } else { el = element("p"); body.appendChild(el); list = null; }
      places.push({ el: el, block: block, used: false });
    });
    job.sentences = segments.map(function (segment, i) {
      var span = element("span", segment.text, "s pending");
      span.tabIndex = -1;
      span.addEventListener("click", function () {
        var selection = window.getSelection();
        if (selection && !selection.isCollapsed) { return; }
        seek(i, false);
      });
      var place = places[segment.block];
      if (segment.block < 0 || !place) {
        if (segment.text === data.title) { $("article-title").textContent = ""; $("article-title").appendChild(span); }
        else { intro.push(span); }
      } else {
        if (place.used) { place.el.appendChild(document.createTextNode(" ")); }
        place.el.appendChild(span);
        place.used = true;
      }
      return span;
    });
    places.forEach(function (place) { if (!place.used) { place.el.textContent = place.block.text; } });
    var meta = $("article-meta");
    intro.forEach(function (span) { meta.appendChild(document.createTextNode(" ")); meta.appendChild(span); });
    job.starts = [];
    job.timed = 0;
    if (job.sentences.length) { job.sentences[0].tabIndex = 0; }
  }

  function applyCues(cues) {
    for (var i = job.timed; i < cues.length && i < job.sentences.length; i++) {
      var cue = cues[i], span = job.sentences[i];
      span.setAttribute("data-start", cue.start);
      span.classList.remove("pending");
      if (cue.tokens.some(function (t) { return t[1] !== null; })) {
        span.textContent = "";
        cue.tokens.forEach(function (token, n) {
          if (n) { span.appendChild(document.createTextNode(" ")); }
          if (token[1] === null) { span.appendChild(document.createTextNode(token[0])); }
          else {
            var w = element("span", token[0], "w");
            w.setAttribute("data-t", token[1]);
            span.appendChild(w);
          }
        });
      }
      job.starts.push(cue.start);
    }
    job.timed = Math.max(job.timed, Math.min(cues.length, job.sentences.length));
  }

  function lastStarted(times, t) {
    var lo = 0, hi = times.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (times[mid] <= t + 0.001) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function inView(el) {
    var box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }

  function mark(i, scroll) {
    if (!job || !job.sentences || i === current) { return; }
    var old = job.sentences[current] || job.sentences[0];
    if (old) { old.removeAttribute("aria-current"); old.tabIndex = -1; }
    if (words[word]) { words[word].classList.remove("now"); }
    current = i;
    var el = job.sentences[Math.max(i, 0)];
    words = i < 0 ? [] : Array.prototype.slice.call(el.querySelectorAll(".w[data-t]"));
    wordStarts = words.map(function (w) { return parseFloat(w.getAttribute("data-t")); });
    word = -1;
    if (!el) { return; }
    el.tabIndex = 0;
    if (i < 0) { return; }
    el.setAttribute("aria-current", "true");
    if (scroll && !inView(el)) { el.scrollIntoView({ block: "center", behavior: reduceMotion.matches ? "auto" : "smooth" }); }
  }

  function markWord(t) {
    var i = current < 0 ? -1 : lastStarted(wordStarts, t);
    if (i === word) { return; }
    if (words[word]) { words[word].classList.remove("now"); }
    word = i;
    if (words[word]) { words[word].classList.add("now"); }
  }

  function follow() {
    if (!job || !job.starts) { return; }
    mark(lastStarted(job.starts, audio.currentTime), !audio.paused);
    markWord(audio.currentTime);
    keepPosition(false);
  }

  function tick() {
    follow();
    frame = audio.paused ? 0 : window.requestAnimationFrame(tick);
  }

  function seekable(t) {
    for (var i = 0; i < audio.seekable.length; i++) {
      if (audio.seekable.start(i) <= t && t <= audio.seekable.end(i)) { return true; }
    }
    return false;
  }

  function seek(i, focus) {
    if (!job || !job.sentences || !job.sentences.length) { return; }
    i = Math.min(Math.max(i, 0), job.sentences.length - 1);
    if (i >= job.starts.length) { say("That sentence is not ready yet."); return; }
    var t = job.starts[i];
    if (!seekable(t) && job.done && !job.whole) { // the stream cannot seek: load the whole file
      job.whole = true;
      var playing = !audio.paused;
      audio.src = job.links.audio + "?whole=1";
      audio.addEventListener("loadedmetadata", function once() {
        audio.removeEventListener("loadedmetadata", once);
        audio.currentTime = t;
        if (playing) { play(); }
      });
      audio.load();
    } else {
      audio.currentTime = t;
    }
    mark(i, true);
    if (focus) { job.sentences[i].focus({ preventScroll: true }); }
  }

  function play() {
    var playing = audio.play();
    if (playing && playing.catch) { playing.catch(function () { say("Press play to listen."); }); }
  }

  function keepPosition(now) {
    if (!job || !job.done) { return; }
    var t = audio.currentTime;
    if (!now && Math.abs(t - lastSaved) < 5) { return; }
    lastSaved = t;
    api("/api/narrations/" + job.id + "/position", { method: "PUT", body: JSON.stringify({ seconds: t }) }).catch(function () {});
  }

  // ---- a narration: open it, follow it while it is made ----

  function describe(status) {
    var meta = [status.site, status.byline, status.published].filter(Boolean).join(" · ");
    if (!job.sentences) { $("article-title").textContent = status.title || "Preparing the article"; }
    $("article-meta").setAttribute("data-about", meta);
    var line = $("article-meta").firstChild;
    if (!line || line.nodeType !== 3 || line.nodeValue !== meta) {
      if (line && line.nodeType === 3) { $("article-meta").removeChild(line); }
      $("article-meta").insertBefore(document.createTextNode(meta), $("article-meta").firstChild);
    }
  }

  function open(status, autoplay) {
    job = { id: status.id, links: status.links, done: status.status === "done", whole: status.status === "done" };
    current = -1; word = -1; words = []; lastSaved = status.position || 0;
    $("player").hidden = false;
    $("downloads").hidden = true;
    $("article-title").textContent = status.title || "Preparing the article";
    $("article-meta").textContent = "";
    $("article-body").textContent = "";
    audio.src = status.links.audio;
    if (job.done && status.position > 0) {
      audio.addEventListener("loadedmetadata", function once() {
        audio.removeEventListener("loadedmetadata", once);
        audio.currentTime = status.position;
        say("Resuming at " + clock(status.position) + ".");
      });
    }
    if (autoplay) { play(); }
    poll(job);
  }

  function poll(mine) {
    if (job !== mine) { return; }
    Promise.all([api("/api/narrations/" + mine.id), api("/api/narrations/" + mine.id + "/text")])
      .then(function (answers) {
        if (job !== mine) { return; }
        var status = answers[0], data = answers[1];
        describe(status);
        if (data.segments && !mine.sentences) { render(data); }
        if (data.cues && mine.sentences) { applyCues(data.cues); follow(); }
        if (status.status === "failed") { say("Could not narrate it: " + status.error, true); return; }
        if (status.status === "done" && data.complete) { finished(status); return; }
        if (status.status === "queued") { say("Waiting for a free voice."); }
        else if (status.progress.total) { say("Narrating " + (status.title || "the article") + ": " + status.progress.done + " of " + status.progress.total + " sentences."); }
        else { say("Fetching the article."); }
        window.setTimeout(function () { poll(mine); }, 700);
      })
      .catch(function (error) { say("Lost touch with the server: " + error.message, true); });
  }

  function finished(status) {
    job.done = true;
    job.links = status.links;
    var links = { "get-audio": status.links.audio, "get-captions": status.links.captions,
      "get-transcript": status.links.transcript, "get-epub": status.links.epub, "get-readalong": status.links.readalong };
    Object.keys(links).forEach(function (id) { $(id).setAttribute("href", links[id]); });
    $("downloads").hidden = false;
    if (!statusLine.textContent || statusLine.textContent.indexOf("Resuming") !== 0) {
      say("Ready: " + (status.title || "the article") + ", " + clock(status.duration) + ".");
    }
    library();
  }

  function start(body) {
    body.voice = $("voice").value;
    say("Asking for the narration.");
    return api("/api/narrations", { method: "POST", body: JSON.stringify(body) })
      .then(function (status) { open(status, true); library(); })
      .catch(function (error) { say("Could not start: " + error.message, true); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = $("file").files[0], url = $("url").value.trim();
    if (file) {
      file.text().then(function (content) {
        var html = /\.x?html?$/i.test(file.name) || /^\s*</.test(content);
        var body = { name: file.name };
        body[html ? "html" : "text"] = content;
        start(body);
        $("file").value = "";
      });
    } else if (url) {
      start({ url: url });
    } else {
      say("Give the address of an article, or choose a file.", true);
      $("url").focus();
    }
  });
  form.addEventListener("dragover", function (event) { event.preventDefault(); form.classList.add("dragging"); });
  form.addEventListener("dragleave", function () { form.classList.remove("dragging"); });
  form.addEventListener("drop", function (event) {
    event.preventDefault();
    form.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.files.length) {
      $("file").files = event.dataTransfer.files;
      say("File chosen: " + event.dataTransfer.files[0].name + ". Press Listen.");
    }
  });

  // ---- the library ----

  function library() {
    return api("/api/narrations").then(function (items) {
      var rows = $("library-rows");
      rows.textContent = "";
      $("library").hidden = !items.length;
      $("library-empty").hidden = Boolean(items.length);
      items.forEach(function (item) {
        var name = item.title || "Untitled";
        var row = element("tr");
        [["Title", name], ["Site", item.site], ["Duration", item.status === "done" ? clock(item.duration) : item.status],
         ["Date", new Date(item.created * 1000).toLocaleDateString()], ["Voice", item.voice]].forEach(function (cell, n) {
          var td = element(n ? "td" : "th", cell[1]);
          if (!n) { td.setAttribute("scope", "row"); }
          td.setAttribute("data-label", cell[0]);
          row.appendChild(td);
        });
        var actions = element("td", "", "actions");
        var listen = element("button", "Listen", "plain");
        listen.type = "button";
        listen.setAttribute("aria-label", "Listen to " + name);
        listen.addEventListener("click", function () { api(item.links.self).then(function (s) { open(s, true); }); });
        actions.appendChild(listen);
        if (item.status === "done") {
          [["MP3", item.links.audio, "Download the audio of "], ["Captions", item.links.captions, "Download the captions of "],
           ["EPUB", item.links.epub, "Download the EPUB of "]].forEach(function (link) {
            var a = element("a", link[0]);
            a.setAttribute("href", link[1]);
            a.setAttribute("download", "");
            a.setAttribute("aria-label", link[2] + name);
            actions.appendChild(a);
          });
        }
        var remove = element("button", "Delete", "plain");
        remove.type = "button";
        remove.setAttribute("aria-label", "Delete " + name);
        remove.addEventListener("click", function () {
          if (!window.confirm("Delete the narration of " + name + "?")) { return; }
          api(item.links.self, { method: "DELETE" }).then(function () {
            if (job && job.id === item.id) { audio.removeAttribute("src"); $("player").hidden = true; job = null; }
            say("Deleted " + name + ".");
            library();
          });
        });
        actions.appendChild(remove);
        row.appendChild(actions);
        rows.appendChild(row);
      });
    }).catch(function (error) {
      if (error.status === 401) { $("key-section").hidden = false; } else { say(error.message, true); }
    });
  }

  $("key-form").addEventListener("submit", function (event) {
    event.preventDefault();
    api("/api/session", { method: "POST", body: JSON.stringify({ key: $("key").value }) })
      .then(function () { $("key-section").hidden = true; $("key").value = ""; say("Signed in."); library(); })
      .catch(function (error) { say(error.message, true); });
  });

  // ---- player and keys ----

  function setSpeed() {
    var rate = parseFloat(speed.value) || 1;
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
  }
  speed.addEventListener("change", setSpeed);
  audio.addEventListener("loadedmetadata", setSpeed);
  audio.addEventListener("timeupdate", follow);
  audio.addEventListener("seeked", follow);
  audio.addEventListener("play", function () { if (!frame) { frame = window.requestAnimationFrame(tick); } });
  audio.addEventListener("pause", function () { keepPosition(true); });

  document.addEventListener("keydown", function (event) {
    if (!job || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target, tag = target && target.tagName;
    if (["INPUT", "SELECT", "TEXTAREA", "AUDIO", "BUTTON"].indexOf(tag) >= 0 || (target && target.isContentEditable)) { return; }
    var onSentence = target && target.classList && target.classList.contains("s");
    if (event.key === "Enter" && onSentence) { seek(job.sentences.indexOf(target), true); }
    else if (event.key === " " && tag !== "A") { if (audio.paused) { play(); } else { audio.pause(); } }
    else if (event.key === "ArrowRight") { seek(current + 1, onSentence); }
    else if (event.key === "ArrowLeft") { seek(current < 0 ? 0 : current - 1, onSentence); }
    else { return; }
    event.preventDefault();
  });

  // ---- start ----

  var origin = window.location.origin;
  $("bookmarklet").setAttribute("href", "javascript:void(window.location.href=" + JSON.stringify(origin + "/listen?url=") + "+encodeURIComponent(window.location.href))");
  $("listen-form-example").textContent = origin + "/listen?url=ADDRESS";
  api("/api/config").then(function (config) {
    config.voices.forEach(function (name) {
      var option = element("option", name);
      option.value = name;
      $("voice").appendChild(option);
    });
    return library();
  }).then(function () {
    var asked = new URLSearchParams(window.location.search).get("url");
    if (window.location.pathname === "/listen" && asked) {
      $("url").value = asked;
      start({ url: asked });
    }
  }).catch(function (error) { say(error.message, true); });
})();
