/**
 * English words that carry no topic of their own. They are dropped from questions and from the
 * indexed text, so "why does my container take 10 seconds to stop" is ranked by "container",
 * "10", "seconds" and "stop". Words that name a topic (stop, kill, wait, exec, init) are kept.
 */
export const stopWords: ReadonlySet<string> = new Set(
  `a about after again all also am an and any are as at
  be because been before being between both but by
  can cannot could did do does doing done during
  each either else even ever every explain
  few for from get gets getting got
  had has have having he her here hers him his how
  i if in into is it its itself just
  know let like me mean means might more most much must my
  need needs no nor not now of off often on once only or other our ours out over own
  please same she should so some still such
  tell than that the their theirs them then there these they this those through to too
  under until up us use used using very
  want was we were what whats when where whether which while who whom why will with would
  you your yours yourself`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
