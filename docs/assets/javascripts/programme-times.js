/* Programme times in the reader's own timezone.
 *
 * The pages are complete without this script: every time is printed in the
 * conference's timezone (labelled) and in UTC. The script only reveals a
 * switch that rewrites the first column into the reader's timezone, labels
 * which timezone is shown, and marks times that fall on another day than the
 * conference day ("+1 day", "−1 day"). No dependencies; runs again after
 * each instant-navigation page change (Material's document$).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "sse-programme-tz";
  var MINUS = "\u2212";

  function readerZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch (error) {
      return "UTC";
    }
  }

  // Parts of an instant as seen in `zone`: {date: "YYYY-MM-DD", time: "HH:MM"}.
  function partsIn(date, zone) {
    var format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    });
    var parts = {};
    format.formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    return {
      date: parts.year + "-" + parts.month + "-" + parts.day,
      time: parts.hour + ":" + parts.minute
    };
  }

  // "UTC+02:00" for `date` in `zone`, or "" where the browser cannot say.
  function offsetIn(date, zone) {
    try {
      var parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
        .formatToParts(date);
      var name = parts.filter(function (p) { return p.type === "timeZoneName"; })[0];
      if (!name) return "";
      return name.value === "GMT" ? "UTC" : name.value.replace("GMT", "UTC").replace("-", MINUS);
    } catch (error) {
      return "";
    }
  }

  function longDay(date, zone) {
    return new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, weekday: "long", day: "numeric", month: "long"
    }).format(date);
  }

  // Whole days between two "YYYY-MM-DD" dates.
  function dayDifference(date, reference) {
    return Math.round((Date.parse(date + "T00:00:00Z") - Date.parse(reference + "T00:00:00Z")) / 86400000);
  }

  function shiftLabel(days) {
    if (days === 0) return "";
    var sign = days > 0 ? "+" : MINUS;
    var count = Math.abs(days);
    return sign + count + (count === 1 ? " day" : " days");
  }

  // Append "HH:MM" and, when the day differs from the conference day, a marker.
  function appendTime(target, date, zone, conferenceDay, skipShift) {
    var parts = partsIn(date, zone);
    var time = document.createElement("time");
    time.setAttribute("datetime", date.toISOString());
    time.className = "sse-t";
    time.textContent = parts.time;
    target.appendChild(time);
    var shift = dayDifference(parts.date, conferenceDay);
    if (shift !== 0 && shift !== skipShift) {
      var marker = document.createElement("span");
      marker.className = "sse-day-shift";
      marker.textContent = shiftLabel(shift);
      marker.title = longDay(date, zone) + " in " + zone;
      target.appendChild(document.createTextNode(" "));
      target.appendChild(marker);
    }
    return shift;
  }

  function show(root, mode, zone) {
    var reader = mode === "reader";
    root.querySelectorAll("[data-sse-conference]").forEach(function (el) { el.hidden = reader; });
    root.querySelectorAll("[data-sse-reader]").forEach(function (el) { el.hidden = !reader; });
    // Phones show each time cell's zone from its data-label.
    root.querySelectorAll("table[data-sse-times] td[data-sse-label]").forEach(function (cell) {
      if (!cell.hasAttribute("data-conference-label")) {
        cell.setAttribute("data-conference-label", cell.getAttribute("data-label"));
      }
      cell.setAttribute("data-label", reader ? "Your time (" + zone + ")" : cell.getAttribute("data-conference-label"));
    });
    if (!reader) return;
    root.querySelectorAll("table[data-sse-times]").forEach(function (table) {
      var first = null;
      table.querySelectorAll("tbody tr[data-start]").forEach(function (row) {
        var start = new Date(row.getAttribute("data-start"));
        var end = new Date(row.getAttribute("data-end"));
        var day = row.getAttribute("data-day");
        var cell = row.querySelector("[data-sse-reader]");
        if (!cell) return;
        cell.textContent = "";
        var startShift = appendTime(cell, start, zone, day, null);
        cell.appendChild(document.createTextNode("–"));
        appendTime(cell, end, zone, day, startShift);
        if (first === null) first = start;
      });
      var header = table.querySelector("thead [data-sse-reader]");
      if (header) {
        var offset = offsetIn(first || new Date(), zone);
        header.textContent = "Your time (" + zone + (offset ? ", " + offset : "") + ")";
      }
    });
  }

  function setStatus(form, mode, zone) {
    var status = form.querySelector("[data-sse-tz-status]");
    if (!status) return;
    var table = document.querySelector("table[data-sse-times]");
    var conferenceLabel = table ? table.getAttribute("data-zone-label") : "";
    var conferenceZone = table ? table.getAttribute("data-zone") : "";
    status.textContent = mode === "reader"
      ? "Showing your time zone, " + zone + ". Day markers (+1 day, " + MINUS +
        "1 day) compare with the conference day in " + conferenceLabel + "."
      : "Showing " + conferenceLabel + " (" + conferenceZone + "), the conference\u2019s time zone.";
  }

  function remember(mode) {
    try { window.localStorage.setItem(STORAGE_KEY, mode); } catch (error) { /* private mode */ }
  }

  function recalled() {
    try { return window.localStorage.getItem(STORAGE_KEY) || "conference"; } catch (error) { return "conference"; }
  }

  function init() {
    var form = document.querySelector("[data-sse-tz-switch]");
    if (!form || form.hasAttribute("data-sse-ready")) return;
    if (!document.querySelector("table[data-sse-times] tr[data-start]")) return;
    form.setAttribute("data-sse-ready", "");
    var zone = readerZone();
    var conferenceZone = document.querySelector("table[data-sse-times]").getAttribute("data-zone");
    var readerLabel = form.querySelector("[data-sse-reader-zone]");
    if (readerLabel) {
      readerLabel.textContent = " (" + zone + (zone === conferenceZone ? ", the same as the conference" : "") + ")";
    }
    function apply(mode) {
      show(document, mode, zone);
      setStatus(form, mode, zone);
      form.querySelectorAll("input[name=sse-tz]").forEach(function (input) {
        input.checked = input.value === mode;
      });
    }
    form.addEventListener("change", function (event) {
      if (event.target && event.target.name === "sse-tz") {
        remember(event.target.value);
        apply(event.target.value);
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(recalled() === "reader" ? "reader" : "conference");
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
