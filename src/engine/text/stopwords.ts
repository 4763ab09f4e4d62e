// Words that carry no meaning for finding an answer. Kept short on purpose: words such as
// "better", "faster", "learn" or "use" do carry meaning here, and are weighed by IDF instead.
// Question words (what, when, who, which...) are kept too: "when did tf 2 ship" is a history
// question because of "when". "Possible" frames a question without saying what it is about (the
// intent reading sees it in the raw text): "is it possible to use pytorch without python" went to
// an entry phrased "..., possible?" rather than to the one about running models without Python.
// "Want" frames a wish as "wanna" does: "we want to move from torch to tf" reached the jobs entry
// (people "want a job") instead of the one about porting PyTorch code to TensorFlow.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are arent as at be because been before being
  below between both but by can cant could couldnt did didnt do does doesnt doing dont down during each
  few for from further had hadnt has hasnt have havent having he hed hell hes her here heres hers herself
  him himself his i id ill im ive if in into is isnt it its itself lets me more most mustnt my
  myself no nor not of off on once only or other ought our ours ourselves out over own same shant she
  shed shell shes should shouldnt so some such than that thats the their theirs them themselves then
  there theres these they theyd theyll theyre theyve this those through to too under until up very was
  wasnt we wed well were weve werent while with wont would wouldnt you youd youll youre youve your yours
  yourself yourselves vs versus v pls please thanks thx hey hi hello yo guys folks anyone someone somebody
  just really actually basically also still even ok okay hmm um uh like know tell wondering question quick
  go goes going gonna wanna want wants wanted much many whether either neither etc eg ie via get got possible possibly`
    .split(/\s+/)
    .filter(Boolean),
);
